/* Languages of the messages: French by default, English from the tables of i18n/en/ looked up
 * by the exact French format, French kept when no English entry exists; the language chosen on
 * an error list reaches its errors and the results computed with it. */
#include "check.h"
#include "core/engine.h"
#include "core/i18n.h"

#include <stdlib.h>

void test_i18n(void);

static const char *first_message(const char *json, const char *lang, const ancre_params *p) {
    static char buf[1024];
    ancre_errors errs;
    ancre_errors_init(&errs);
    ancre_errors_set_lang(&errs, lang);
    ancre_decl *d = NULL;
    ancre_decl_parse_json(&d, json, strlen(json), p, &errs);
    snprintf(buf, sizeof buf, "%s", errs.count ? errs.items[0].message : "");
    ancre_decl_free(d);
    ancre_errors_clear(&errs);
    return buf;
}

void test_i18n(void) {
    /* look-up: exact French text, English on request, the French itself otherwise */
    const char *fr = "%s : champ inconnu";
    CHECK(strcmp(i18n_tr(NULL, fr), fr) == 0, "French by default");
    CHECK(strcmp(i18n_tr("fr", fr), fr) == 0, "French on request");
    CHECK(strcmp(i18n_tr("en", fr), "%s: unknown field") == 0, "English from the table");
    CHECK(strcmp(i18n_tr("en-GB", fr), "%s: unknown field") == 0, "a regional English");
    CHECK(strcmp(i18n_tr("en", "texte sans traduction %d"), "texte sans traduction %d") == 0,
          "a message without English entry stays French");

    ancre_errors errs;
    ancre_errors_init(&errs);
    CHECK(ancre_errors_set_lang(&errs, "de") != 0, "an unknown language is refused");
    CHECK(errs.lang == NULL, "and French kept");
    CHECK(ancre_errors_set_lang(&errs, "en") == 0 && i18n_is_en(errs.lang), "English chosen");
    ancre_errors_clear(&errs);
    CHECK(i18n_is_en(errs.lang), "the list keeps its language when cleared");

    CHECK(strcmp(ancre_lang_negotiate(NULL), "fr") == 0, "no Accept-Language: French");
    CHECK(strcmp(ancre_lang_negotiate("en-US,en;q=0.9"), "en") == 0, "English preferred");
    CHECK(strcmp(ancre_lang_negotiate("fr-FR,fr;q=0.9,en;q=0.8"), "fr") == 0, "French preferred");
    CHECK(strcmp(ancre_lang_negotiate("de, en;q=0.5, fr;q=0.4"), "en") == 0, "by q value");
    CHECK(strcmp(ancre_lang_negotiate("de"), "fr") == 0, "neither: French");

    /* number and date notations */
    char buf[64];
    i18n_euros(NULL, 123456, buf, sizeof buf);
    CHECK(strcmp(buf, "1 234,56 €") == 0, "euros in French");
    i18n_euros("en", -123456, buf, sizeof buf);
    CHECK(strcmp(buf, "-€1,234.56") == 0, "euros in English");
    i18n_euros(NULL, 5, buf, sizeof buf);
    CHECK(strcmp(buf, "0,05 €") == 0, "cents in French");
    i18n_decimal(NULL, "-1234567.25", buf, sizeof buf);
    CHECK(strcmp(buf, "-1 234 567,25") == 0, "decimal in French");
    i18n_decimal("en", "500", buf, sizeof buf);
    CHECK(strcmp(buf, "500") == 0, "integer in English");
    i18n_date(NULL, "2024-04-30", buf, sizeof buf);
    CHECK(strcmp(buf, "30/04/2024") == 0, "date in French");
    i18n_date("en", "2024-04-30", buf, sizeof buf);
    CHECK(strcmp(buf, "2024-04-30") == 0, "date in English");

    /* the language of a list reaches its errors */
    ancre_params *p = ancre_params_new();
    ancre_errors_init(&errs);
    ancre_params_load_defaults(p, &errs);
    const char *bad = "{\"year\":2023,\"centre\":{\"type\":\"medical\",\"adhesion_date\":"
                      "\"2016-01-01\"},\"staff\":{\"etp_mg\":-1}}";
    CHECK(strstr(first_message(bad, NULL, p), "est hors limites (attendu : une valeur de 0 à"),
          "a range error in French");
    CHECK(strstr(first_message(bad, "en", p), "is out of range (expected a value from 0 to"),
          "the same error in English");

    /* and the results computed with it: notes and breakdown */
    const char *decl = "{\"year\":2023,\"centre\":{\"type\":\"medical\",\"adhesion_date\":"
                       "\"2016-01-01\"}}";
    ancre_decl *d = NULL;
    ancre_result *r = NULL;
    ancre_errors_set_lang(&errs, "en");
    ancre_decl_parse_json(&d, decl, strlen(decl), p, &errs);
    ancre_errors_clear(&errs);
    int rc = d ? ancre_compute(&r, d, p, NULL, &errs) : -1;
    CHECK(rc != 0 && errs.count > 0, "nothing to compute is an error");
    CHECK(errs.count && strstr(errs.items[0].message, "nothing to compute"),
          "the engine's error in the list's language");
    ancre_result_free(r);
    ancre_decl_free(d);
    ancre_errors_clear(&errs);
    ancre_params_free(p);
}
