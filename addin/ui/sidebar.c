/*
 * sidebar.c: opening the deck.  Every door that opens it (.uno:SidebarDeck.<id>,
 * XDeck::activate) toggles: it closes the deck when the deck already shows.
 * So the deck is activated only when it is not showing, and a command that
 * shows its result never hides it.
 */
#include "ui/sidebar.h"

#include "uno/any.h"
#include "uno/call.h"
#include "uno/office.h"
#include "uno/ustring.h"

static gboolean ask(uno_Interface *object, const char *member)
{
    sal_Bool answer = 0;
    return jx_invoke(object, member, &answer, NULL, NULL) && answer;
}

static uno_Interface *deck_of(uno_Interface *sidebar)
{
    uno_Interface *decks = jx_office_get(sidebar, "com.sun.star.ui.XSidebarProvider::getDecks", NULL);
    uno_Interface *deck = NULL;
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
    jx_release(&decks);
    return deck;
}

void jx_sidebar_show(uno_Interface *frame)
{
    uno_Interface *controller = jx_office_get(frame, "com.sun.star.frame.XFrame::getController", NULL);
    uno_Interface *sidebar = controller ? jx_office_get(controller,
        "com.sun.star.frame.XController2::getSidebar", NULL) : NULL;
    sal_Bool yes = 1;
    void *yes_args[] = { &yes };
    if (sidebar != NULL && !ask(sidebar, "com.sun.star.ui.XSidebarProvider::isVisible"))
        jx_invoke(sidebar, "com.sun.star.ui.XSidebarProvider::setVisible", NULL, yes_args, NULL);
    uno_Interface *deck = sidebar ? deck_of(sidebar) : NULL;
    if (deck != NULL && !ask(deck, "com.sun.star.ui.XDeck::isActive"))
        jx_invoke(deck, "com.sun.star.ui.XDeck::activate", NULL, yes_args, NULL);
    jx_release(&deck);
    jx_release(&sidebar);
    jx_release(&controller);
}
