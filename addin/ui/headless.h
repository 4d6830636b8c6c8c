/*
 * headless.h: Jixiao as a command-line job.
 *
 *   soffice --headless -env:UserInstallation=… \
 *     "service:org.jixiao.Headless?validate&in=/x/book.ods&out=/x/findings.json"
 *
 * The office creates the component and calls XJobExecutor::trigger with
 * the part after "?".  When the job is done the office is asked to exit
 * (through AsyncCallback: a terminate inside trigger would be vetoed).
 */
#ifndef JX_UI_HEADLESS_H
#define JX_UI_HEADLESS_H

#include "uno/factory.h"

#define JX_HEADLESS_IMPLEMENTATION "org.jixiao.Headless"

extern const JxImplementation jx_headless_implementation;

#endif
