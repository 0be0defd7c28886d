/* Declaration fields and readings of the mécanisme transitoire d'accompagnement financier
 * (Art. 18.2.2, l. 3424-3473 of the consolidated accord). */
#include "../core/registry.h"

#define CENTS(path, req, what)                                                                     \
    { path, F_INT, req, "0", "100000000000", 0, 0, "Art. 18.2.2", what }

static const field_def fields[] = {
    CENTS("transition.options_2014_cents", REQ_SECTION,
          "Remuneration received for 2014 under the former option(s) of the previous accord "
          "(ancienne option médicale, infirmière ou dentaire), in cents; 0 when the centre had "
          "none (l. 3439-3441)."),
    CENTS("transition.mpa_cents", REQ_NO,
          "Amount of the MPA (majoration personnes âgées) added to the 2014 remuneration from 1 "
          "January 2018 (l. 3443), in cents; required from 2018. The text does not say of which "
          "year: the amount the caisse retains."),
    CENTS("transition.rsf_cents", REQ_NO,
          "Rémunération forfaitaire spécifique (Art. 13) received for the year, in cents; when "
          "absent, the amount the same declaration computes (section indicators)."),
    CENTS("transition.rosp_cents", REQ_NO,
          "ROSP received for the year, in cents (médical and polyvalent centres); when absent, "
          "the amount the same declaration computes (section rosp)."),
    CENTS("transition.medecin_traitant_cents", REQ_NO,
          "Médecin-traitant remunerations received for the year (forfaits of Annexe 24 until "
          "2017, forfait patientèle of Art. 23.3 from 2018), in cents (médical and polyvalent "
          "centres); when absent, the amounts the same declaration computes (section "
          "forfaits_mt_2017 or medecin_traitant)."),
    CENTS("transition.option_dentaire_cents", REQ_NO,
          "Remunerations of the option dentaire (contrat d'accès aux soins dentaires, Annexe 20) "
          "received for the year, in cents (dentaire and polyvalent centres)."),
    CENTS("transition.honoraires_remboursables_cents", REQ_NO,
          "Honoraires remboursables of the centre for the year, in cents; required from 2017 to "
          "2020 (rule of 2 %, l. 3467-3473)."),
    CENTS("transition.remunerations_2017_cents", REQ_NO,
          "Total of the new remunerations received for 2017 (the same elements), in cents; "
          "required from 2018 to 2020: the rule of 2 % continues only for the centres whose 2017 "
          "differential exceeded 2 % of their fees (l. 3467-3471)."),
    CENTS("transition.honoraires_remboursables_2017_cents", REQ_NO,
          "Honoraires remboursables of 2017, in cents; required from 2018 to 2020."),
};

static const reading_def readings[] = {
    {"transition_regle_2pct",
     "Art. 18.2.2, l. 3467-3473",
     "Pour le centre dont le différentiel de 2017 dépasse 2 %\u00a0de ses honoraires "
     "remboursables, "
     "« le versement complémentaire réalisé équivaut à 2% de ces mêmes honoraires dans la limite "
     "de 200 000€ » (l. 3467-3469) : ce versement remplace-t-il la part du différentiel de "
     "l'échéancier (deux tiers en 2017, un tiers en 2018), lui sert-il de plancher, ou s'y "
     "ajoute-t-il ? (De 2019 à 2020, l'échéancier est épuisé : les trois lectures donnent le même "
     "montant.)",
     {{"remplace", "le versement de l'année est 2 %\u00a0des honoraires remboursables, plafonné à "
                   "200 000 € (« équivaut à », l. 3469), au lieu de la part du différentiel"},
      {"plancher", "le versement de l'année est la plus grande des deux sommes : la part du "
                   "différentiel de l'échéancier ou 2 %\u00a0des honoraires plafonnés à 200 000 €"},
      {"complement", "2 %\u00a0des honoraires, plafonnés à 200 000 €, s'ajoutent à la part du "
                     "différentiel de l'échéancier (« complémentaire »)"}}},
};

const module_tables transition_compensation_tables = {fields, sizeof fields / sizeof *fields,
                                                      readings, sizeof readings / sizeof *readings};
