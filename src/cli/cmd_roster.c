/* ancre roster: aggregates a patient-level roster (docs/roster.md) in one streaming pass and
 * prints, for each centre, the counts of its médecin-traitant patientèle at 31 December and its
 * forfait patientèle médecin traitant (Art. 23.3).  Bad rows are reported on standard error
 * with their line number and skipped; the run goes on.
 *
 * Exit codes: 0 every row valid; 1 at least one bad row or a centre whose FPMT could not be
 * computed; 2 wrong usage or unreadable file. */
#include "ancre/ancre.h"
#include "cli.h"
#include "options.h"

#include <fcntl.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define READ_CHUNK (1 << 20)

static int64_t fpmt_cents(const char *decl_text, const ancre_params *params,
                          const ancre_readings *readings, ancre_errors *errs) {
    ancre_decl *d = NULL;
    ancre_result *res = NULL;
    int64_t total = -1;
    if (ancre_decl_parse_json(&d, decl_text, strlen(decl_text), params, errs) == 0 &&
        ancre_compute(&res, d, params, readings, errs) == 0)
        total = ancre_result_total_cents(res);
    ancre_result_free(res);
    ancre_decl_free(d);
    return total;
}

int cmd_roster(const cli_opts *o) {
    const cli_command *cmd = cli_find_command(o->command);
    const char *file = o->file;
    int year = o->year;
    bool json = o->json;
    if (!file)
        return cli_usage_error(cmd, cli_tr("il faut un FICHIER (ou - pour l'entrée standard)"));
    if (!year) return cli_usage_error(cmd, cli_tr("il faut --year AAAA"));
    ancre_errors errs;
    ancre_errors_init(&errs);
    ancre_params *params = cli_load_params(o, &errs);
    ancre_readings *readings = ancre_readings_new();
    int rc = 2;
    for (int i = 0; params && i < o->nreadings; i++)
        ancre_readings_set_assignment(readings, o->reading_args[i], &errs);
    if (!params || errs.count) { /* a bad parameter file or reading is wrong usage (2) */
        for (size_t k = 0; k < errs.count; k++)
            fprintf(stderr, cli_tr("erreur : %s\n"), errs.items[k].message);
        goto done;
    }
    ancre_roster *roster = NULL;
    if (ancre_roster_new(&roster, year, params, &errs) != 0) {
        /* a year whose age limits are not in force (no FPMT before 2018) is a missing
         * parameter (1) */
        rc = 1;
        for (size_t k = 0; k < errs.count; k++)
            fprintf(stderr, cli_tr("erreur : %s\n"), errs.items[k].message);
        goto done;
    }
    int fd = strcmp(file, "-") == 0 ? 0 : open(file, O_RDONLY);
    if (fd < 0) {
        fprintf(stderr, cli_tr("ancre roster : impossible de lire %s\n"), file);
        ancre_roster_free(roster);
        goto done;
    }
#ifdef POSIX_FADV_SEQUENTIAL
    posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
    /* one buffer: a chunk plus the unfinished line carried over from the previous chunk */
    size_t cap = 2 * READ_CHUNK, have = 0;
    char *buf = malloc(cap);
    long long lineno = 0, bad = 0;
    char msg[256];
    for (;;) {
        if (cap - have < READ_CHUNK) {
            cap *= 2; /* a single line longer than the buffer */
            buf = realloc(buf, cap);
        }
        ssize_t got = read(fd, buf + have, cap - have);
        if (got < 0) {
            fprintf(stderr, cli_tr("ancre roster : erreur de lecture de %s\n"), file);
            bad++;
            break;
        }
        size_t end = have + (size_t)got;
        size_t pos = 0;
        for (;;) {
            char *nl = memchr(buf + pos, '\n', end - pos);
            if (!nl) break;
            size_t len = (size_t)(nl - (buf + pos));
            lineno++;
            if (ancre_roster_feed(roster, buf + pos, len, msg, sizeof msg) != 0) {
                fprintf(stderr, "%s:%lld: %s\n", file, lineno, msg);
                bad++;
            }
            pos += len + 1;
        }
        if (got == 0) {
            if (pos < end) { /* last line without a newline */
                lineno++;
                if (ancre_roster_feed(roster, buf + pos, end - pos, msg, sizeof msg) != 0) {
                    fprintf(stderr, "%s:%lld: %s\n", file, lineno, msg);
                    bad++;
                }
            }
            break;
        }
        memmove(buf, buf + pos, end - pos);
        have = end - pos;
    }
    free(buf);
    if (fd) close(fd);
    if (lineno == 0) {
        fprintf(stderr, cli_tr("%s : liste vide (pas d'en-tête)\n"), file);
        bad++;
    }
    const ancre_roster_centre *cs;
    size_t n = ancre_roster_centres(roster, &cs);
    json_t *list = json ? json_array() : NULL;
    if (!json)
        printf("centre_id,patients,child_0_6_no_ald,other_7_79_no_ald,age_80_plus_no_ald,"
               "under_80_ald,age_80_plus_ald,css,under_16,age_16_plus,not_at_snapshot,"
               "fpmt_cents\n");
    long long failed = 0;
    for (size_t i = 0; i < n; i++) {
        const ancre_roster_centre *c = &cs[i];
        char *decl = ancre_roster_declaration_json(roster, c);
        ancre_errors local;
        ancre_errors_init(&local);
        int64_t fpmt = decl ? fpmt_cents(decl, params, readings, &local) : -1;
        free(decl);
        if (fpmt < 0) {
            failed++;
            fprintf(stderr, cli_tr("centre %s : forfait médecin traitant non calculé : %s\n"),
                    c->centre_id, local.count ? local.items[0].message : "out of memory");
        }
        ancre_errors_clear(&local);
        if (json) {
            json_t *row = json_object();
            json_object_set_new(row, "centre_id", json_string(c->centre_id));
            json_object_set_new(row, "patients", json_integer(c->patients));
            json_object_set_new(row, "child_0_6_no_ald", json_integer(c->child_0_6_no_ald));
            json_object_set_new(row, "other_7_79_no_ald", json_integer(c->other_7_79_no_ald));
            json_object_set_new(row, "age_80_plus_no_ald", json_integer(c->age_80_plus_no_ald));
            json_object_set_new(row, "under_80_ald", json_integer(c->under_80_ald));
            json_object_set_new(row, "age_80_plus_ald", json_integer(c->age_80_plus_ald));
            json_object_set_new(row, "css", json_integer(c->css));
            json_object_set_new(row, "under_16", json_integer(c->under_16));
            json_object_set_new(row, "age_16_plus", json_integer(c->age_16_plus));
            json_object_set_new(row, "not_at_snapshot", json_integer(c->not_at_snapshot));
            json_object_set_new(row, "fpmt_cents", fpmt < 0 ? json_null() : json_integer(fpmt));
            json_array_append_new(list, row);
        } else {
            printf("%s,%lld,%lld,%lld,%lld,%lld,%lld,%lld,%lld,%lld,%lld,", c->centre_id,
                   (long long)c->patients, (long long)c->child_0_6_no_ald,
                   (long long)c->other_7_79_no_ald, (long long)c->age_80_plus_no_ald,
                   (long long)c->under_80_ald, (long long)c->age_80_plus_ald, (long long)c->css,
                   (long long)c->under_16, (long long)c->age_16_plus,
                   (long long)c->not_at_snapshot);
            if (fpmt >= 0) printf("%lld", (long long)fpmt);
            printf("\n");
        }
    }
    if (json) {
        json_t *root = json_object();
        json_object_set_new(root, "year", json_integer(year));
        json_object_set_new(root, "lines", json_integer(lineno));
        json_object_set_new(root, "bad_rows", json_integer(bad));
        json_object_set_new(root, "centres", list);
        char *s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        printf("%s\n", s);
        free(s);
        json_decref(root);
    }
    if (bad == 1) fprintf(stderr, "%s", cli_tr("1 ligne incorrecte ignorée\n"));
    if (bad > 1) fprintf(stderr, cli_tr("%lld lignes incorrectes ignorées\n"), bad);
    ancre_roster_free(roster);
    rc = bad || failed ? 1 : 0;
done:
    ancre_readings_free(readings);
    ancre_params_free(params);
    ancre_errors_clear(&errs);
    return rc;
}
