/* Public access to the error lists and to the built-in parameter documents, for programs that
 * report their own errors the library's way (the store) or keep the parameter documents they
 * computed with (the store's parameter sets). */
#include "../core/errors.h"
#include "../core/params.h"

#include <stdarg.h>
#include <stdio.h>

int ancre_errors_add(ancre_errors *errs, const char *path, const char *rule, const char *expected,
                     const char *fmt, ...) {
    if (!errs) return -1;
    char msg[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, ancre_tr(errs->lang, fmt), ap);
    va_end(ap);
    size_t before = errs->count;
    errors_add(errs, path, rule, expected, "%s", msg);
    return errs->count > before ? 0 : -1;
}

size_t ancre_params_builtin_count(void) {
    return ancre_embedded_param_count;
}

const char *ancre_params_builtin_name(size_t i) {
    return i < ancre_embedded_param_count ? ancre_embedded_param_names[i] : NULL;
}

const char *ancre_params_builtin_text(size_t i) {
    return i < ancre_embedded_param_count ? ancre_embedded_param_texts[i] : NULL;
}
