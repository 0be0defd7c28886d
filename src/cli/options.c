/* The one option table of the ancre command line, its parser (getopt_long) and the usage texts
 * built from it and from the command table of main.c. */
#include "options.h"

#include "cli.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

enum {
    OPT_HELP = 'h',
    OPT_JSON = 256,
    OPT_PARAMS,
    OPT_READING,
    OPT_SENSITIVITY,
    OPT_DATE,
    OPT_DB,
    OPT_FINESS,
    OPT_YEAR,
    OPT_ID,
    OPT_AFTER,
    OPT_ALL,
    OPT_SKIP_BAD,
    OPT_ALL_OR_NOTHING,
    OPT_FORMAT,
    OPT_QUIET,
    OPT_CSV,
};

typedef struct {
    const char *name;
    int has_arg; /* no_argument or required_argument */
    int id;
    unsigned groups;  /* the commands it applies to (CLI_G_*); ~0u: all */
    const char *arg;  /* the name of its value in the usage, or NULL */
    const char *help; /* one line */
} option_def;

#define G_ANY (~0u)

static const option_def option_table[] = {
    {"json", no_argument, OPT_JSON, CLI_G_COMPUTE | CLI_G_PARAMS | CLI_G_STORE | CLI_G_ROSTER, NULL,
     "sortie JSON"},
    {"params", required_argument, OPT_PARAMS,
     CLI_G_COMPUTE | CLI_G_PARAMS | CLI_G_STORE | CLI_G_ROSTER | CLI_G_REPORT, "FICHIER",
     "charge un fichier de paramètres après ceux de la bibliothèque (répétable)"},
    {"reading", required_argument, OPT_READING,
     CLI_G_COMPUTE | CLI_G_STORE | CLI_G_ROSTER | CLI_G_REPORT, "ID=VALEUR",
     "choisit une lecture d'un passage ambigu du texte (répétable)"},
    {"sensitivity", no_argument, OPT_SENSITIVITY, CLI_G_COMPUTE, NULL,
     "montre aussi le total sous chaque autre lecture qui le change"},
    {"date", required_argument, OPT_DATE, CLI_G_PARAMS, "AAAA-MM-JJ",
     "seulement les valeurs en vigueur à cette date"},
    {"db", required_argument, OPT_DB, CLI_G_STORE, "BASE",
     "la base : un fichier SQLite (créé au premier usage) ou "
     "postgresql://utilisateur@hôte:port/base"},
    {"finess", required_argument, OPT_FINESS, CLI_G_STORE, "FINESS", "un centre, par son FINESS"},
    {"year", required_argument, OPT_YEAR, CLI_G_STORE | CLI_G_ROSTER, "AAAA",
     "l'année de référence"},
    {"id", required_argument, OPT_ID, CLI_G_STORE, "N", "un résultat enregistré, par son numéro"},
    {"after", required_argument, OPT_AFTER, CLI_G_STORE, "AAAA-MM-JJ",
     "(calendar) les paiements dus après cette date (par défaut : aujourd'hui)"},
    {"all", no_argument, OPT_ALL, CLI_G_STORE, NULL,
     "(calendar) les paiements de toutes les dates"},
    {"skip-bad", no_argument, OPT_SKIP_BAD, CLI_G_STORE, NULL,
     "(import) écrit les enregistrements valides même si d'autres ne le sont pas"},
    {"all-or-nothing", no_argument, OPT_ALL_OR_NOTHING, CLI_G_STORE, NULL,
     "(record) n'écrit rien si un centre échoue"},
    {"format", required_argument, OPT_FORMAT, CLI_G_TABLE, "csv|tsv|jsonl|full",
     "un lot en tableau, une ligne par centre : CSV (« ; »), TSV, JSON Lines ; full : le "
     "document complet de chaque résultat (par défaut pour JSON Lines, csv pour un CSV)"},
    {"format", required_argument, OPT_FORMAT, CLI_G_REPORT, "text|csv|html",
     "le rapport en texte (par défaut), en CSV (« ; ») ou en page HTML autonome avec ses "
     "graphiques"},
    {"quiet", no_argument, OPT_QUIET, CLI_G_TABLE | CLI_G_REPORT, NULL,
     "sans ligne de progression"},
    {"csv", no_argument, OPT_CSV, CLI_G_TEMPLATE | CLI_G_INFO, NULL,
     "(template) l'en-tête d'un fichier CSV de déclarations ; (schema) ses colonnes"},
    {"help", no_argument, OPT_HELP, G_ANY, NULL, "l'usage de la commande"},
};

#define NOPTIONS (sizeof option_table / sizeof *option_table)

const char *cli_tr(const char *french) {
    /* every string of the command line passes through this function; i18n/en/cli.tsv holds
     * the English of each (--lang en) */
    return ancre_tr(cli_lang, french);
}

const cli_command *cli_find_command(const char *name) {
    for (const cli_command *c = cli_commands; c->name; c++)
        if (strcmp(c->name, name) == 0) return c;
    return NULL;
}

static bool applies(const option_def *d, const cli_command *cmd) {
    return d->groups == G_ANY || (d->groups & cmd->groups);
}

static void usage_tool(FILE *out) {
    fprintf(out, "%s", cli_tr("usage : ancre COMMANDE [options] [FICHIER]\n"));
    fprintf(out, "\n%s", cli_tr("commandes :\n"));
    for (const cli_command *c = cli_commands; c->name; c++) {
        char head[64];
        snprintf(head, sizeof head, "%s %s", c->name, c->operand[0] ? cli_tr(c->operand) : "");
        fprintf(out, "  %-22s %s\n", head, cli_tr(c->summary));
    }
    fprintf(out, "\n%s",
            cli_tr("ancre help COMMANDE ou ancre COMMANDE --help : l'usage d'une commande et "
                   "ses options.\n"));
    fprintf(out, "%s", cli_tr("ancre --version : la version.\n"));
}

void cli_usage(FILE *out, const cli_command *cmd) {
    if (!cmd) {
        usage_tool(out);
        return;
    }
    fprintf(out, cli_tr("usage : ancre %s [options] %s\n"), cmd->name,
            cmd->operand[0] ? cli_tr(cmd->operand) : "");
    fprintf(out, "%s\n", cli_tr(cmd->summary));
    if (cmd->details) fprintf(out, "%s", cli_tr(cmd->details));
    bool any = false;
    for (size_t i = 0; i < NOPTIONS; i++) {
        const option_def *d = &option_table[i];
        if (!applies(d, cmd)) continue;
        if (!any) fprintf(out, "\n%s", cli_tr("options :\n"));
        any = true;
        char head[64];
        snprintf(head, sizeof head, "--%s%s%s", d->name, d->arg ? " " : "",
                 d->arg ? cli_tr(d->arg) : "");
        if (strlen(head) > 24) /* its help on the next line, in the column of the others */
            fprintf(out, "  %s\n%27s%s\n", head, "", cli_tr(d->help));
        else
            fprintf(out, "  %-24s %s\n", head, cli_tr(d->help));
    }
}

int cli_usage_error(const cli_command *cmd, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "ancre %s : ", cmd ? cmd->name : "");
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n\n");
    cli_usage(stderr, cmd);
    return 2;
}

/* the entry of an option for a command (an option may have one entry per group of commands,
 * each with its own help), or any entry of it when none applies */
static const option_def *find_def(int id, const cli_command *cmd) {
    const option_def *any = NULL;
    for (size_t i = 0; i < NOPTIONS; i++) {
        if (option_table[i].id != id) continue;
        if (applies(&option_table[i], cmd)) return &option_table[i];
        if (!any) any = &option_table[i];
    }
    return any;
}

static int parse_number(const cli_command *cmd, const char *name, const char *v, long long lo,
                        long long hi, long long *out) {
    char *end;
    long long n = strtoll(v, &end, 10);
    if (!*v || *end || n < lo || n > hi)
        return cli_usage_error(cmd, cli_tr("--%s attend un nombre de %lld à %lld, pas « %s »"),
                               name, lo, hi, v);
    *out = n;
    return 0;
}

int cli_parse(int argc, char **argv, const cli_command *cmd, cli_opts *o) {
    memset(o, 0, sizeof *o);
    o->command = cmd->name;
    struct option longopts[NOPTIONS + 1];
    for (size_t i = 0; i < NOPTIONS; i++)
        longopts[i] = (struct option){option_table[i].name, option_table[i].has_arg, NULL,
                                      option_table[i].id};
    longopts[NOPTIONS] = (struct option){NULL, 0, NULL, 0};
    opterr = 0;
    optind = 0; /* a full reinitialisation of getopt */
    int c;
    while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
        if (c == '?' || c == ':') {
            const char *arg = argv[optind - 1];
            return cli_usage_error(cmd,
                                   c == ':' ? cli_tr("l'option %s attend une valeur")
                                            : cli_tr("option inconnue %s"),
                                   arg);
        }
        const option_def *d = find_def(c, cmd);
        if (!d || !applies(d, cmd))
            return cli_usage_error(cmd, cli_tr("l'option --%s ne s'applique pas à %s"),
                                   d ? d->name : "?", cmd->name);
        long long n;
        switch (c) {
        case OPT_HELP:
            o->help = true;
            break;
        case OPT_JSON:
            o->json = true;
            break;
        case OPT_SENSITIVITY:
            o->sensitivity = true;
            break;
        case OPT_ALL:
            o->all_dates = true;
            break;
        case OPT_SKIP_BAD:
            o->skip_bad = true;
            break;
        case OPT_ALL_OR_NOTHING:
            o->all_or_nothing = true;
            break;
        case OPT_DATE:
            o->date = optarg;
            break;
        case OPT_DB:
            o->db = optarg;
            break;
        case OPT_FINESS:
            o->finess = optarg;
            break;
        case OPT_AFTER:
            o->after = optarg;
            break;
        case OPT_QUIET:
            o->quiet = true;
            break;
        case OPT_CSV:
            o->csv = true;
            break;
        case OPT_FORMAT:
            if ((cmd->groups & CLI_G_REPORT)
                    ? strcmp(optarg, "text") && strcmp(optarg, "csv") && strcmp(optarg, "html")
                    : strcmp(optarg, "csv") && strcmp(optarg, "tsv") && strcmp(optarg, "jsonl") &&
                          strcmp(optarg, "full"))
                return cli_usage_error(cmd, cli_tr("--format n'accepte pas « %s »"), optarg);
            o->format = optarg;
            break;
        case OPT_PARAMS:
            if (o->nparam_files == (int)(sizeof o->param_files / sizeof *o->param_files))
                return cli_usage_error(cmd, cli_tr("trop de fichiers --params"));
            o->param_files[o->nparam_files++] = optarg;
            break;
        case OPT_READING:
            if (o->nreadings == (int)(sizeof o->reading_args / sizeof *o->reading_args))
                return cli_usage_error(cmd, cli_tr("trop d'options --reading"));
            o->reading_args[o->nreadings++] = optarg;
            break;
        case OPT_YEAR:
            if (parse_number(cmd, "year", optarg, 1900, 2999, &n)) return 2;
            o->year = (int)n;
            break;
        case OPT_ID:
            if (parse_number(cmd, "id", optarg, 1, INT64_MAX, &n)) return 2;
            o->id = n;
            break;
        }
    }
    for (int i = optind; i < argc; i++) {
        if (o->noperands == 1 || !cmd->operand[0])
            return cli_usage_error(cmd, cli_tr("argument inattendu %s"), argv[i]);
        o->operands[o->noperands++] = argv[i];
    }
    o->file = o->noperands ? o->operands[0] : NULL;
    return 0;
}

ancre_params *cli_load_params(const cli_opts *o, ancre_errors *errs) {
    ancre_params *p = ancre_params_new();
    ancre_params_load_defaults(p, errs);
    for (int i = 0; i < o->nparam_files; i++) {
        size_t len;
        char *text = read_all(o->param_files[i], &len);
        if (!text) {
            fprintf(stderr, cli_tr("ancre : impossible de lire le fichier de paramètres %s\n"),
                    o->param_files[i]);
            ancre_params_free(p);
            return NULL;
        }
        ancre_params_load_json(p, text, len, o->param_files[i], errs);
        free(text);
    }
    if (errs->count) {
        ancre_params_free(p);
        return NULL;
    }
    return p;
}
