/*
 * addin.h: the Calc add-in object (com.sun.star.sheet.AddIn) that offers the
 * functions of functions.h to spreadsheet cells.
 */
#ifndef JX_CALC_ADDIN_H
#define JX_CALC_ADDIN_H

#include "uno/factory.h"

#define JX_ADDIN_SERVICE "org.jixiao.calc.Functions"
#define JX_ADDIN_IMPLEMENTATION "org.jixiao.calc.FunctionsAddIn"
#define JX_FUNCTIONS_INTERFACE "org.jixiao.calc.XFunctions"

extern const JxImplementation jx_addin_implementation;

#endif
