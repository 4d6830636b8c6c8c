/*
 * sdk.h: the LibreOffice SDK's binary-UNO C headers, made includable from C11.
 *
 * typedescription.h has C++-only inline helpers that spell the type class
 * enum as `_typelib_TypeClass`; the define makes that spelling resolve in C.
 * Include this instead of the SDK headers directly.
 */
#ifndef JX_UNO_SDK_H
#define JX_UNO_SDK_H

#include <stdbool.h>
#define _typelib_TypeClass typelib_TypeClass

#include <rtl/ustring.h>
#include <typelib/typeclass.h>
#include <typelib/typedescription.h>
#include <uno/any2.h>
#include <uno/data.h>
#include <uno/dispatcher.h>
#include <uno/environment.h>
#include <uno/lbnames.h>
#include <uno/sequence2.h>

#endif
