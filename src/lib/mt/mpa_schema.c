/* Declaration fields of the majoration personnes âgées (slides 001 section 03, l. 302-306). */
#include "../core/registry.h"

#define Q(n)                                                                                       \
    {                                                                                              \
        "mpa.consultations_q" #n, F_INT, REQ_SECTION, "0", "10000000", 0, 0, "slides 001",         \
            "Consultations and visits billed in quarter " #n                                       \
            " for patients aged 80 or more whose "                                                 \
            "médecin traitant is none of the centre's doctors."                                   \
    }

static const field_def fields[] = {Q(1), Q(2), Q(3), Q(4)};

const module_tables mpa_tables = {fields, sizeof fields / sizeof *fields, NULL, 0};
