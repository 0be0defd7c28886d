/* Chosen readings of the ambiguous passages of the text: index of the chosen alternative of
 * each reading of the registry (0 = the default reading). */
#ifndef ANCRE_READINGS_H
#define ANCRE_READINGS_H

#include "ancre/ancre.h"
#include "registry.h"

struct ancre_readings {
    size_t n;
    int *choice;
};

int readings_choice(const ancre_readings *r, size_t index);

#endif
