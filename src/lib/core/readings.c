#include "readings.h"
#include "alloc.h"

#include "errors.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

ancre_readings *ancre_readings_new(void) {
    ancre_readings *r = mem_zalloc(1, sizeof *r);
    if (!r) return NULL;
    r->n = readings_count();
    r->choice = mem_zalloc(r->n ? r->n : 1, sizeof *r->choice);
    if (!r->choice) {
        free(r);
        return NULL;
    }
    return r;
}

void ancre_readings_free(ancre_readings *r) {
    if (!r) return;
    free(r->choice);
    free(r);
}

int ancre_readings_set(ancre_readings *r, const char *id, const char *value, ancre_errors *errs) {
    long i = reading_find(id);
    if (i < 0) {
        errors_add(errs, id, "readings", "un id de lecture listé par « ancre readings »",
                   "lecture inconnue « %s »", id);
        return -1;
    }
    const reading_def *def = reading_def_at((size_t)i);
    int k = reading_alt_find(def, value);
    if (k < 0) {
        char expected[512] = "";
        for (int a = 0; a < READING_MAX_ALTS && def->alts[a].value; a++) {
            if (a) strncat(expected, "|", sizeof expected - strlen(expected) - 1);
            strncat(expected, def->alts[a].value, sizeof expected - strlen(expected) - 1);
        }
        errors_add(errs, id, def->ref, expected,
                   "la lecture « %s » n'a pas de valeur « %s » (l'une de %s)", id, value, expected);
        return -1;
    }
    r->choice[i] = k;
    return 0;
}

int ancre_readings_set_assignment(ancre_readings *r, const char *assignment, ancre_errors *errs) {
    const char *eq = strchr(assignment, '=');
    if (!eq || eq == assignment || !eq[1]) {
        errors_add(errs, assignment, "readings", "ID=VALEUR",
                   "ce n'est pas un choix de lecture ID=VALEUR : « %s »", assignment);
        return -1;
    }
    char id[128];
    size_t len = (size_t)(eq - assignment);
    if (len >= sizeof id) len = sizeof id - 1;
    memcpy(id, assignment, len);
    id[len] = '\0';
    return ancre_readings_set(r, id, eq + 1, errs);
}

int readings_choice(const ancre_readings *r, size_t index) {
    return r ? r->choice[index] : 0;
}

char *ancre_readings_catalogue_json(void) {
    json_t *list = json_array();
    for (size_t i = 0; i < readings_count(); i++) {
        const reading_def *d = reading_def_at(i);
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(d->id));
        json_object_set_new(o, "ref", json_string(d->ref));
        json_object_set_new(o, "question", json_string(d->question));
        json_object_set_new(o, "default", json_string(d->alts[0].value));
        json_t *alts = json_array();
        for (int k = 0; k < READING_MAX_ALTS && d->alts[k].value; k++) {
            json_t *a = json_object();
            json_object_set_new(a, "value", json_string(d->alts[k].value));
            json_object_set_new(a, "description", json_string(d->alts[k].description));
            json_array_append_new(alts, a);
        }
        json_object_set_new(o, "values", alts);
        json_array_append_new(list, o);
    }
    char *s = json_dumps(list, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(list);
    return s;
}
