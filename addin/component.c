/*
 * component.c: the two symbols LibreOffice's loader looks for, and the list
 * of every implementation this library provides.
 *
 * The library declares the binary "uno" environment, so the office bridges
 * to it and all calls arrive as plain C dispatches (see addin/uno/).
 */
#include <string.h>

#include <sal/types.h>

#include "calc/addin.h"
#include "ui/commands.h"
#include "ui/headless.h"
#include "ui/panel.h"
#include "ui/review_panel.h"
#include "uno/factory.h"

static const JxImplementation *const implementations[] = {
    &jx_addin_implementation,
    &jx_headless_implementation,
    &jx_commands_implementation,
    &jx_panel_factory_implementation,
    &jx_review_panel_factory_implementation,
};

SAL_DLLPUBLIC_EXPORT void component_getImplementationEnvironment(
    char const **environment_type_name, uno_Environment **environment);
SAL_DLLPUBLIC_EXPORT void *component_getFactory(
    char const *implementation_name, void *service_manager, void *registry_key);

SAL_DLLPUBLIC_EXPORT void component_getImplementationEnvironment(
    char const **environment_type_name, uno_Environment **environment)
{
    *environment_type_name = UNO_LB_UNO;
}

SAL_DLLPUBLIC_EXPORT void *component_getFactory(
    char const *implementation_name, void *service_manager, void *registry_key)
{
    if (implementation_name == NULL)
        return NULL;
    for (gsize i = 0; i < G_N_ELEMENTS(implementations); i++)
        if (strcmp(implementations[i]->klass->implementation_name, implementation_name) == 0)
            return jx_factory_new(implementations[i]);
    return NULL;
}
