/* Readings shared by the forfaits spécifiques of every type of centre (Art. 4 to 18).  Each
 * question and alternative says, in French, what the text of the accord leaves open, with the
 * article and the lines of the consolidated text. */
#include "../core/registry.h"

static const reading_def readings[] = {
    {"socle_gate",
     "Art. 12 (l. 2666-2670), Art. 5 (l. 400-412)",
     "Quels indicateurs déclenchent la rémunération ? L'article 12 (l. 2666-2670) exige « les "
     "indicateurs socle et définis comme des prérequis » : l'ensemble de l'article 8.1, la "
     "fonction de coordination et le système d'information ; la phrase peut aussi se lire comme "
     "exigeant tous les indicateurs socle du bloc commun principal (article 5).",
     {{"prerequisites", "les seuls prérequis nommés par l'article 12 (accessibilité, plan de "
                        "préparation aux crises, fonction de coordination, système d'information)"},
      {"all_socle", "tous les indicateurs socle : aussi la concertation et, pour les centres "
                    "médicaux et polyvalents, les protocoles (article 5) ; la dérogation des "
                    "nouveaux centres (article 14, l. 2877-2879) ne compte toujours que les "
                    "prérequis de l'article 12"}}},
    {"prorata_thresholds",
     "Art. 13 (l. 2724-2726)",
     "Un centre qui adhère en cours d'année doit-il atteindre tout le nombre annuel demandé par un "
     "engagement (6 réunions de concertation, 2 stages, 3 réunions ou 3 interventions des "
     "centres dentaires, 1 FSE) ? L'article 13 (l. 2724-2726) : « Le suivi du respect des "
     "engagements et le calcul de la rémunération sont proratisés en fonction de la date "
     "d'adhésion ».",
     {{"prorated", "le nombre annuel multiplié par le prorata d'adhésion, comme la rémunération"},
      {"full", "le nombre annuel entier, quelle que soit la date d'adhésion"}}},
    {"prorata_granularity",
     "Art. 13 (l. 2724-2726), Art. 8.4 (l. 1282-1284)",
     "Comment se compte le prorata « en fonction de la date d'adhésion » (article 13, l. "
     "2724-2726) et le prorata temporis « à compter de la date d'acquisition » du système "
     "d'information (article 8.4, l. 1282-1284) ? Le texte ne donne pas l'unité.",
     {{"days", "jours couverts dans l'année / jours de l'année, pour les deux prorata"},
      {"months", "mois couverts, le mois de la date compris, / 12, pour les deux prorata"}}},
    {"access_minoration_combination",
     "Art. 15.5 (l. 2978-3020)",
     "Plusieurs écarts tolérés à la fois sur les horaires d'ouverture (amplitude réduite en "
     "semaine, fermeture le samedi, fermeture pendant les congés scolaires) : l'article 15.5 (l. "
     "2978-3020) donne une minoration pour chacun sans dire s'ils se cumulent.",
     {{"cumulative", "toutes les minorations s'appliquent"},
      {"largest", "entre l'amplitude réduite et la fermeture du samedi, seule la plus forte "
                  "s'applique ; celle des congés scolaires s'y ajoute"},
      {"not_met", "l'amplitude réduite et la fermeture du samedi ensemble sortent de la liste "
                  "des amplitudes tolérées : l'indicateur d'accessibilité n'est pas atteint"},
      {"largest_of_three", "seule la plus forte des trois minorations (amplitude, samedi, congés "
                           "scolaires) s'applique"}}},
    {"ars_derogation_scope",
     "Art. 8.1.1 (l. 553-555, 565), Art. 8.1.3 (l. 621-623)",
     "Jusqu'où porte la dérogation de l'agence régionale de santé sur les horaires ? Article 8.1.1 "
     "(l. 553-555) : « de 8 heures à 20 heures en semaine et le samedi matin de 8h à 12h, sauf "
     "organisation régionale spécifique du dispositif de permanence des soins » ; les congés "
     "scolaires font l'objet d'une autre phrase (l. 565). Article 8.1.3 (l. 621-623), centres "
     "dentaires : « de 8 h à 20 h en semaine, le samedi matin y compris pendant les congés "
     "scolaires, sauf organisation régionale spécifique ».",
     {{"whole_phrase", "la dérogation suit toute la phrase qu'elle termine : ni minoration "
                       "d'amplitude ni minoration du samedi ; pour les centres dentaires, pas non "
                       "plus de minoration des congés scolaires"},
      {"weekday_only", "la dérogation ne porte que sur l'amplitude en semaine : les minorations "
                       "du samedi et des congés scolaires restent"}}},
    {"precarity_rates",
     "Art. 15.6.4 (l. 3115-3123)",
     "Comment les taux CSS et AME du centre donnent-ils la majoration de précarité ? L'article "
     "15.6.4 (l. 3115-3121) compare chaque taux à sa part nationale « ou » l'autre, et applique "
     "« la différence entre le taux national et le taux du centre ».",
     {{"sum", "la somme des écarts positifs CSS et AME"},
      {"combined", "l'écart positif du taux CSS + AME au taux national CSS + AME"},
      {"max", "le plus grand des deux écarts positifs"}}},
    {"precarity_base",
     "Art. 15.6 (l. 3059), Art. 15.6.4 (l. 3121)",
     "Sur quoi porte la majoration de précarité ? L'article 15.6 (l. 3059) : « s'applique sur le "
     "total des indicateurs du bloc commun principal » ; l'article 15.6.4 (l. 3121) : « est "
     "applicable au montant de la rémunération ».",
     {{"bcp", "le total des indicateurs du bloc commun principal (article 15.6)"},
      {"rsf", "toute la rémunération, les deux blocs (article 15.6.4)"}}},
    {"qualite_n2_threshold",
     "Art. 9.1.1 (l. 1766), Annexe 1 bis (l. 13528)",
     "Niveau 2 de la démarche qualité : l'article 9.1.1 (l. 1766) dit « atteinte au-delà de 50% "
     "des critères », l'annexe 1 bis (l. 13528) « atteinte d'au moins 50% ».",
     {{"at_least", "50 % des critères ou plus (annexe 1 bis)"},
      {"above", "plus de 50 % des critères (article 9.1.1)"}}},
    {"etp_scaled_items",
     "Art. 16.1 (l. 3141-3145), 16.3 (l. 3240-3244)",
     "Points « calculés sur une moyenne de N ETP » (télétransmission, SCOR, niveaux 2 et 3 de la "
     "démarche qualité, article 16, l. 3141-3145 et 3240-3244) : proportionnels aux ETP du "
     "centre, plafonnés, ou forfaitaires ?",
     {{"proportional", "les points × ETP du centre / N, sans plafond"},
      {"capped", "proportionnels, plafonnés aux points de référence"},
      {"flat", "les points de référence dès que l'indicateur est atteint"}}},
    {"balance_negative",
     "Art. 18.1 (l. 3364-3370)",
     "Quand la rémunération de l'année est inférieure à l'avance versée, la différence est-elle "
     "reprise ? L'article 18.1 (l. 3364-3370) le dit pour l'avance des centres nouvellement "
     "créés seulement.",
     {{"recover", "un solde négatif est un montant à reprendre au centre"},
      {"no_recovery", "le solde est ramené à zéro pour les centres qui ne sont pas nouveaux"}}},
    {"new_centre_quarter",
     "Art. 18.1 (l. 3331-3339)",
     "Quel trimestre fixe la part de l'avance d'un centre nouvellement créé ? L'article 18.1 (l. "
     "3337-3339) : « le trimestre de l'année civile au cours duquel le centre de santé s'est "
     "créé », la création étant « la date d'attribution du numéro FINESS » (l. 3331-3333) ; les "
     "diapositives de l'Assurance Maladie de 2022 parlent du trimestre d'adhésion.",
     {{"finess_date", "le trimestre de la date d'attribution du numéro FINESS (article 18.1)"},
      {"adhesion_date", "le trimestre de l'adhésion à l'accord"}}},
};

const module_tables rsf_common_tables = {0, 0, readings, sizeof readings / sizeof *readings};
