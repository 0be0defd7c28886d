/* Declaration fields and readings of the forfait patientèle médecin traitant (Art. 23.3) and of
 * the forfaits of Annexe 24 it replaced (until 2017). */
#include "../core/registry.h"

#define S REQ_SECTION
#define N REQ_NO
#define COUNT(path, art, what)                                                                     \
    { path, F_INT, S, "0", "10000000", 0, 0, art, what }

static const field_def fields[] = {
    COUNT("medecin_traitant.n_child_0_6_no_ald", "Art. 23.3",
          "Patients having declared the centre as médecin traitant at 31/12, aged 0 to 6, not in "
          "ALD."),
    COUNT("medecin_traitant.n_other_7_79_no_ald", "Art. 23.3",
          "Médecin-traitant patients at 31/12 aged 7 to 79, not in ALD (autres patients)."),
    COUNT("medecin_traitant.n_80_plus_no_ald", "Art. 23.3",
          "Médecin-traitant patients at 31/12 aged 80 or more, not in ALD."),
    COUNT("medecin_traitant.n_under_80_ald", "Art. 23.3",
          "Médecin-traitant patients at 31/12 under 80 in ALD (3° and 4° of L.160-14), children "
          "0-6 included."),
    COUNT("medecin_traitant.n_80_plus_ald", "Art. 23.3, slides 001",
          "Médecin-traitant patients at 31/12 aged 80 or more in ALD."),
    COUNT("medecin_traitant.n_css", "Art. 23.3",
          "CSS (complémentaire santé solidaire) beneficiaries among those patients, at 31/12; at "
          "most the sum of the five categories."),
    {"medecin_traitant.advance_1_cents", F_INT, N, "0", "100000000000", 0, 0,
     "Art. 23.3, slides 001",
     "First acompte paid in June of the year, in cents (the text does not set its amount)."},
    {"medecin_traitant.advance_2_cents", F_INT, N, "0", "100000000000", 0, 0, "slides 001",
     "Second acompte paid in September, in cents."},
    {"medecin_traitant.advance_3_cents", F_INT, N, "0", "100000000000", 0, 0, "slides 001",
     "Third acompte paid in November, in cents."},
    COUNT("forfaits_mt_2017.n_rmt_q1", "Annexe 24",
          "ALD patients (3° and 4° of L.160-14) of the centre as médecin traitant whose ALD "
          "anniversary falls in the 1st quarter (forfait RMT, years up to 2017)."),
    COUNT("forfaits_mt_2017.n_rmt_q2", "Annexe 24", "Same, ALD anniversary in the 2nd quarter."),
    COUNT("forfaits_mt_2017.n_rmt_q3", "Annexe 24", "Same, ALD anniversary in the 3rd quarter."),
    COUNT("forfaits_mt_2017.n_rmt_q4", "Annexe 24", "Same, ALD anniversary in the 4th quarter."),
    COUNT("forfaits_mt_2017.n_rst", "Annexe 24",
          "Médecin-traitant patients no longer in ALD but in the situation of L.160-14 10° "
          "(forfait RST)."),
    COUNT("forfaits_mt_2017.n_fmt", "Annexe 24",
          "Médecin-traitant patients not exonerated from the ticket modérateur (forfait FMT)."),
    {"forfaits_mt_2017.new_centre_first_year", F_BOOL, N, 0, 0, 0, 0, "Annexe 24",
     "First year of a newly created centre (not a FINESS change or a move): the FMT is paid for "
     "every médecin-traitant patient (absent: false)."},
#define INCIDENT(q)                                                                                     \
    {"forfaits_mt_2017.incident_q" #q ".request_date",                                                  \
     F_DATE,                                                                                            \
     N,                                                                                                 \
     0,                                                                                                 \
     0,                                                                                                 \
     0,                                                                                                 \
     0,                                                                                                 \
     "Annexe 24",                                                                                       \
     "Date à laquelle le centre a demandé l'avance de 80 % sur l'incident de paiement du forfait "    \
     "RMT du trimestre " #q                                                                             \
     " (l. 20229-20237) ; avec le montant de la même période de l'année précédente."},                  \
        {"forfaits_mt_2017.incident_q" #q ".previous_year_cents",                                       \
         F_INT,                                                                                         \
         N,                                                                                             \
         "0",                                                                                           \
         "100000000000",                                                                                \
         0,                                                                                             \
         0,                                                                                             \
         "Annexe 24",                                                                                   \
         "Montant versé pour la même période l'année précédente, en centimes : base de l'avance " \
         "(« 80% du montant versé pour la même période l'année précédente »)."},                        \
    {                                                                                                   \
        "forfaits_mt_2017.incident_q" #q ".settlement_date", F_DATE, N, 0, 0, 0, 0, "Annexe 24",        \
            "Date de règlement prévisionnelle annoncée par la caisse : le forfait du trimestre y "   \
            "est "                                                                                      \
            "versé, l'avance déduite (absent : date non connue)."                                     \
    }
    INCIDENT(1),
    INCIDENT(2),
    INCIDENT(3),
    INCIDENT(4),
    {"forfaits_mt_2017.n_mt_total", F_INT, N, "0", "10000000", 0, 0, "Annexe 24",
     "All patients having chosen the centre as médecin traitant; required in a new centre's "
     "first year."},
};

static const reading_def readings[] = {
    {"fpmt_revaluation",
     "Art. 23.3, l. 7155-7165",
     "Le texte imprime 42 € et 46 € pour les patients de 80 ans et plus, et 46 € pour les "
     "patients en ALD de moins de 80 ans (Art. 23.3, l. 7157-7163), sans date ; les diapositives "
     "de 2022 montrent 42 €.",
     {{"dated", "42 € jusqu'en 2023, 46 € à partir du 1er janvier 2024"},
      {"46_from_2018", "46 € dès 2018, comme le lit aujourd'hui le texte consolidé"},
      {"42_throughout", "42 €, comme les diapositives de 2022"}}},
    {"fpmt_80_plus_ald",
     "Art. 23.3; slides 001 l. 299",
     "Patients de 80 ans et plus en ALD : 70 € dans les diapositives de 2022 (001 l. 299), "
     "aucune ligne dans le texte consolidé.",
     {{"slides_70", "70 € (diapositives 001)"},
      {"as_80_plus", "payé comme un patient de 80 ans et plus (la ligne du texte)"}}},
    {"fpmt_calendar",
     "Art. 23.3 l. 7200-7204; slides 001 l. 287-288",
     "Calendrier du FPMT : un versement partiel au 1er semestre et la régularisation au 1er "
     "semestre de l'année suivante (Art. 23.3, l. 7200-7204), ou 3 acomptes en juin, septembre "
     "et novembre et le solde en mars (diapositives 001, l. 287-288) ?",
     {{"slides", "acomptes en juin, septembre et novembre ; solde en mars de l'année suivante"},
      {"accord", "un versement partiel au plus tard le 30 juin ; régularisation au plus tard le "
                 "30 juin de l'année suivante"}}},
};

const module_tables fpmt_tables = {fields, sizeof fields / sizeof *fields, readings,
                                   sizeof readings / sizeof *readings};
