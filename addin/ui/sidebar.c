/*
 * sidebar.c: opening the deck.  Dispatching .uno:SidebarDeck.<id> would
 * toggle (hide the sidebar when the deck already shows), so the deck is
 * activated through XSidebarProvider instead.
 */
#include "ui/sidebar.h"

#include "uno/any.h"
#include "uno/call.h"
#include "uno/office.h"
#include "uno/ustring.h"

void jx_sidebar_show(uno_Interface *frame)
{
    uno_Interface *controller = jx_office_get(frame, "com.sun.star.frame.XFrame::getController", NULL);
    uno_Interface *sidebar = controller ? jx_office_get(controller,
        "com.sun.star.frame.XController2::getSidebar", NULL) : NULL;
    uno_Interface *decks = NULL, *deck = NULL;
    sal_Bool yes = 1;
    void *yes_args[] = { &yes };
    if (sidebar != NULL &&
        jx_invoke(sidebar, "com.sun.star.ui.XSidebarProvider::setVisible", NULL, yes_args, NULL))
        decks = jx_office_get(sidebar, "com.sun.star.ui.XSidebarProvider::getDecks", NULL);
    if (decks != NULL) {
        rtl_uString *id = jx_ustr_new(JX_DECK_ID);
        uno_Any any;
        void *args[] = { &id };
        if (jx_invoke(decks, "com.sun.star.container.XNameAccess::getByName", &any, args, NULL)) {
            deck = jx_office_any_interface(&any);
            uno_any_destruct(&any, NULL);
        }
        rtl_uString_release(id);
    }
    if (deck != NULL)
        jx_invoke(deck, "com.sun.star.ui.XDeck::activate", NULL, yes_args, NULL);
    jx_release(&deck);
    jx_release(&decks);
    jx_release(&sidebar);
    jx_release(&controller);
}
