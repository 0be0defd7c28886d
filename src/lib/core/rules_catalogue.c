/* The catalogue of rules: which lines the engine computes for a type of centre and a year, with
 * their articles, blocs and the parameters (with citations) that value them.
 *
 * The catalogue is not a second list kept by hand next to the rules: it runs the engine on a
 * declaration of that type and year in which every section is present and nothing is achieved,
 * and reads the lines it opens.  An indicator absent from the grid of the year (a null parameter,
 * docs/parameters-format.md) is left out, as the engine leaves it out.  The forfait spécifique
 * (section "indicators") must compute; every other payment has its own top-level section
 * (medecin_traitant, rosp, ...) and is listed when it computes that year, or named under
 * "omitted" with the reason (a payment that ended, a national figure nobody supplied). */
#include "engine.h"
#include "errors.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Sets the dotted path of root to v (creating the enclosing objects). */
static void set_path(json_t *root, const char *path, json_t *v) {
    char buf[256];
    snprintf(buf, sizeof buf, "%s", path);
    json_t *cur = root;
    char *seg = buf, *dot;
    while ((dot = strchr(seg, '.')) != NULL) {
        *dot = '\0';
        json_t *next = json_object_get(cur, seg);
        if (!json_is_object(next)) {
            next = json_object();
            json_object_set_new(cur, seg, next);
        }
        cur = next;
        seg = dot + 1;
    }
    json_object_set_new(cur, seg, v);
}

/* The smallest value a field accepts: false, its lower bound or 0, its first choice. */
static json_t *smallest(const field_def *f) {
    switch (f->type) {
    case F_BOOL:
        return json_false();
    case F_INT:
        return json_integer(f->min ? strtoll(f->min, NULL, 10) : 0);
    case F_DEC:
        return json_string(f->min ? f->min : "0");
    case F_ENUM: {
        const char *bar = strchr(f->choices, '|');
        size_t n = bar ? (size_t)(bar - f->choices) : strlen(f->choices);
        return json_stringn(f->choices, n);
    }
    default:
        return NULL; /* dates, strings and lists are optional everywhere they are not set below */
    }
}

/* The declaration of a centre of that type and year with every section present and nothing
 * achieved, as a JSON object. */
static json_t *nothing_achieved(const char *type, int year) {
    json_t *d = json_object();
    json_object_set_new(d, "year", json_integer(year));
    char adhesion[32];
    snprintf(adhesion, sizeof adhesion, "%04d-01-01", year - 1);
    for (size_t i = 0; i < schema_count(); i++) {
        const field_def *f = schema_field(i);
        if (strcmp(f->path, "year") == 0 || strncmp(f->path, "centre.", 7) == 0 ||
            strcmp(f->path, "ancre_declaration") == 0 ||
            strcmp(f->path, "payments.advance_paid_cents") == 0)
            continue;
        json_t *v = smallest(f);
        if (!v) continue;
        if (f->type == F_DEC) {
            /* decimals are written as JSON numbers in declarations */
            double x = strtod(json_string_value(v), NULL);
            json_decref(v);
            v = json_real(x);
        }
        set_path(d, f->path, v);
    }
    set_path(d, "centre.type", json_string(type));
    set_path(d, "centre.adhesion_date", json_string(adhesion));
    /* Art. 3 defines the type by an activity: a centre of that type has it (one ETP, all of its
     * fees), or the declaration is refused as contradicting its type */
    static const struct {
        const char *type, *paths[3];
    } activity[] = {
        {"polyvalent", {"staff.etp_paramedicaux", NULL, NULL}},
        {"infirmier", {"staff.etp_infirmiers", "activity.fees_total", "activity.fees_nursing"}},
        {"dentaire", {"staff.etp_dentistes", "activity.fees_total", "activity.fees_dental"}},
    };
    for (size_t i = 0; i < sizeof activity / sizeof *activity; i++)
        for (int k = 0; k < 3 && strcmp(activity[i].type, type) == 0 && activity[i].paths[k]; k++)
            if (schema_find(activity[i].paths[k]) >= 0)
                set_path(d, activity[i].paths[k], json_integer(1));
    return d;
}

/* Sections every payment reads; any other top-level object is the section of one payment. */
static bool common_section(const char *key) {
    static const char *const common[] = {"year",     "ancre_declaration", "centre",   "staff",
                                         "patients", "activity",          "payments", "indicators"};
    for (size_t i = 0; i < sizeof common / sizeof *common; i++)
        if (strcmp(common[i], key) == 0) return true;
    return false;
}

static int compute_json(json_t *doc, const ancre_params *params, const ancre_readings *readings,
                        ancre_result **out, ancre_errors *errs) {
    char *text = json_dumps(doc, JSON_COMPACT);
    ancre_decl *decl = NULL;
    int rc = text && ancre_decl_parse_json(&decl, text, strlen(text), params, errs) == 0 &&
                     ancre_compute(out, decl, params, readings, errs) == 0
                 ? 0
                 : -1;
    ancre_decl_free(decl);
    free(text);
    return rc;
}

/* Whether the dotted id has a segment equal to name ("rsf_med.si_avance.fixed", "si_avance"). */
static bool has_segment(const char *id, const char *name) {
    size_t n = strlen(name);
    for (const char *p = id; (p = strstr(p, name)) != NULL; p++)
        if ((p == id || p[-1] == '.') && (p[n] == '.' || p[n] == '\0')) return true;
    return false;
}

char *ancre_rules_json(const ancre_params *params, const char *type, int year, ancre_errors *errs) {
    json_t *doc = nothing_achieved(type, year), *omitted = json_array();
    ancre_result *res = NULL;
    ancre_readings *readings = ancre_readings_new();
    char *out = NULL;
    /* the other payments' sections, set aside and tried one by one */
    json_t *extras = json_object();
    const char *key;
    json_t *v;
    void *tmp;
    json_object_foreach_safe(doc, tmp, key, v) {
        if (common_section(key)) continue;
        json_object_set(extras, key, v);
        json_object_del(doc, key);
    }
    json_object_foreach (extras, key, v) {
        ancre_errors local;
        ancre_errors_init(&local);
        json_t *trial = json_deep_copy(doc);
        json_object_set(trial, key, v);
        if (compute_json(trial, params, readings, &res, &local) == 0) {
            json_object_set(doc, key, v);
        } else {
            json_t *o = json_object();
            json_object_set_new(o, "section", json_string(key));
            json_object_set_new(o, "reason",
                                json_string(local.count ? local.items[0].message : "not computed"));
            json_array_append_new(omitted, o);
        }
        ancre_result_free(res);
        res = NULL;
        json_decref(trial);
        ancre_errors_clear(&local);
    }
    json_decref(extras);
    if (compute_json(doc, params, readings, &res, errs) != 0) goto done;
    char date[32];
    snprintf(date, sizeof date, "%04d-12-31", year);
    char *all = ancre_params_to_json(params, NULL, date, errs);
    json_t *plist = all ? json_loads(all, 0, NULL) : NULL;
    free(all);
    json_t *root = json_object(), *rules = json_array(), *prereqs = json_array();
    json_object_set_new(root, "year", json_integer(year));
    json_object_set_new(root, "centre_type", json_string(type));
    json_object_set_new(root, "date", json_string(date));
    for (size_t i = 0; i < res->nprereqs; i++)
        json_array_append_new(prereqs, json_string(res->prereqs[i].id));
    json_object_set_new(root, "prerequisites", prereqs);
    for (size_t i = 0; i < res->nlines; i++) {
        const line_t *l = &res->lines[i];
        if (l->status == ST_NOT_IN_GRID) continue;
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(l->id));
        json_object_set_new(o, "article", json_string(l->article));
        json_object_set_new(o, "label", json_string(l->label));
        json_object_set_new(o, "bloc", json_string(l->bloc));
        json_object_set_new(o, "kind", json_string(l->kind));
        json_object_set_new(o, "payment", json_string(l->payment));
        bool pre = false;
        for (size_t k = 0; k < res->nprereqs; k++)
            if (strcmp(res->prereqs[k].id, l->id) == 0) pre = true;
        json_object_set_new(o, "prerequisite", json_boolean(pre));
        json_t *used = json_array();
        size_t k;
        json_t *p;
        json_array_foreach (plist, k, p) {
            const char *pid = json_string_value(json_object_get(p, "id"));
            if (pid && has_segment(pid, l->id) && json_array_size(json_object_get(p, "values")))
                json_array_append(used, p);
        }
        json_object_set_new(o, "parameters", used);
        json_array_append_new(rules, o);
    }
    json_object_set_new(root, "rules", rules);
    json_object_set(root, "omitted", omitted);
    out = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(root);
    json_decref(plist);
done:
    json_decref(doc);
    json_decref(omitted);
    ancre_result_free(res);
    ancre_readings_free(readings);
    return out;
}
