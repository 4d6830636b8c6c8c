/*
 * factory.c: a generic XSingleComponentFactory over a JxImplementation.
 */
#include "uno/factory.h"

#include "uno/sequence.h"

typedef struct {
    JxUnoObject base;
    const JxImplementation *impl;
} Factory;

static void create(Factory *self, JxUnoCall *call, uno_Sequence *arguments,
                   uno_Interface *context)
{
    char *error_text = NULL;
    JxUnoObject *object = self->impl->construct(context, arguments, &error_text);
    if (object == NULL) {
        jx_call_raise(call, "com.sun.star.uno.Exception",
                      error_text ? error_text : "could not create the object");
        g_free(error_text);
        return;
    }
    *(uno_Interface **)call->result = &object->iface;   /* hands over our reference */
}

static void create_instance_with_context(JxUnoObject *self, JxUnoCall *call)
{
    create((Factory *)self, call, NULL, *(uno_Interface **)call->args[0]);
}

static void create_instance_with_arguments_and_context(JxUnoObject *self, JxUnoCall *call)
{
    create((Factory *)self, call, *(uno_Sequence **)call->args[0],
           *(uno_Interface **)call->args[1]);
}

static void get_implementation_name(JxUnoObject *self, JxUnoCall *call)
{
    jx_call_return_string(call, ((Factory *)self)->impl->klass->implementation_name);
}

static const char *const factory_interfaces[] = {
    "com.sun.star.lang.XSingleComponentFactory",
    "com.sun.star.lang.XServiceInfo",
    "com.sun.star.lang.XTypeProvider",
    NULL,
};

static const JxUnoMethodEntry factory_methods[] = {
    { "com.sun.star.lang.XSingleComponentFactory::createInstanceWithContext",
      create_instance_with_context },
    { "com.sun.star.lang.XSingleComponentFactory::createInstanceWithArgumentsAndContext",
      create_instance_with_arguments_and_context },
    { "com.sun.star.lang.XServiceInfo::getImplementationName", get_implementation_name },
    { NULL, NULL },
};

static JxUnoClass factory_class = {
    .implementation_name = "org.jixiao.Factory",
    .interfaces = factory_interfaces,
    .methods = factory_methods,
};

uno_Interface *jx_factory_new(const JxImplementation *impl)
{
    Factory *self = jx_object_new(&factory_class, sizeof(Factory));
    self->impl = impl;
    return &self->base.iface;
}
