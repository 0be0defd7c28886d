/* The ROSP indicators of Art. 24.4 and Annexe 25, by the ids of
 * the parameters (params/50_rosp.json): X(id, label, max_observed).  Which of them exist in
 * a year, their objectives, thresholds and points are parameters (params/50_rosp.json). */
#define ROSP_ADULT_INDICATORS(X)                                                                   \
    X(mta_diab_hba1c, "Diabète : au moins 2 dosages d'HbA1c dans l'année", "1")                    \
    X(mta_diab_fond_oeil, "Diabète : fond d'oeil ou rétinographie", "1")                           \
    X(mta_diab_microalb_dfg, "Diabète : microalbuminurie et DFG annuels", "1")                     \
    X(mta_diab_examen_pieds, "Diabète : examen clinique annuel des pieds (déclaratif)", "1")       \
    X(mta_hta_proteinurie_dfg, "HTA : protéinurie et DFG annuels", "1")                            \
    X(mta_rcv_score_avant_statines, "Risque CV : score avant statines (déclaratif)", "1")          \
    X(mta_rcv_coronarien_aomi_traitement, "Risque CV : coronariens ou AOMI traités", "1")          \
    X(mta_avk_inr, "AVK : dosages d'INR", "1")                                                     \
    X(mta_grippe_65plus, "Grippe : vaccination des 65 ans et plus", "1")                           \
    X(mta_grippe_16_64_a_risque, "Grippe : vaccination des 16-64 ans à risque", "1")               \
    X(mta_depistage_cancer_sein, "Dépistage du cancer du sein", "1")                               \
    X(mta_depistage_cancer_col_uterus, "Dépistage du cancer du col de l'utérus", "1")              \
    X(mta_depistage_cancer_colorectal, "Dépistage du cancer colorectal", "1")                      \
    X(mta_iatro_psychotropes_75plus, "Iatrogénie : 2 psychotropes et plus après 75 ans", "1")      \
    X(mta_iatro_bzd_hypnotique_duree, "Iatrogénie : BZD hypnotique plus de 4 semaines", "1")       \
    X(mta_iatro_bzd_anxiolytique_duree, "Iatrogénie : BZD anxiolytique plus de 12 semaines", "1")  \
    X(mta_atb_traitements_pour_100_patients, "Antibiotiques : traitements pour 100 patients",      \
      "1000")                                                                                      \
    X(mta_atb_generateurs_resistance, "Antibiotiques générateurs de résistances", "1")             \
    X(mta_addict_tabac_intervention_breve, "Tabac : intervention brève (déclaratif)", "1")         \
    X(mta_addict_alcool_intervention_breve, "Alcool : intervention brève (déclaratif)", "1")       \
    X(mta_gen_statines, "Génériques : statines", "1")                                              \
    X(mta_gen_antihypertenseurs, "Génériques : antihypertenseurs", "1")                            \
    X(mta_gen_incontinence_urinaire, "Génériques : incontinence urinaire", "1")                    \
    X(mta_gen_asthme, "Génériques : asthme", "1")                                                  \
    X(mta_gen_reste_repertoire, "Génériques : reste du répertoire", "1")                           \
    X(mta_biosimilaires_insuline_glargine, "Biosimilaires de l'insuline glargine", "1")            \
    X(mta_eff_aspirine_faible_dosage, "Aspirine à faible dosage", "1")                             \
    X(mta_eff_metformine, "Diabétiques traités par metformine", "1")                               \
    X(mta_eff_tsh_isolee, "Dosage isolé de TSH", "1")                                              \
    X(mta_eff_ains_ipp_sans_risque, "AINS avec IPP sans facteur de risque", "1")                   \
    X(mta_eff_ezetimibe, "Ézétimibe parmi ézétimibe + statines", "1")

#define ROSP_CHILD_INDICATORS(X)                                                                   \
    X(mte_asthme_traitement_fond, "Asthme persistant : traitement de fond", "1")                   \
    X(mte_asthme_efr_annuelle, "Asthme persistant : EFR annuelle", "1")                            \
    X(mte_obesite_courbe_corpulence, "Courbe de corpulence renseignée (déclaratif)", "1")          \
    X(mte_vaccination_ror_2_doses, "Vaccination ROR 2 doses", "1")                                 \
    X(mte_vaccination_meningocoque_c, "Vaccination méningocoque C", "1")                           \
    X(mte_atb_c3g_moins_4_ans, "Céphalosporines 3e/4e génération, moins de 4 ans", "1")            \
    X(mte_atb_c3g_4_ans_plus, "Céphalosporines 3e/4e génération, 4 ans et plus", "1")              \
    X(mte_depistage_troubles_sensoriels, "Dépistage des troubles sensoriels (déclaratif)", "1")    \
    X(mte_depistage_troubles_langage, "Dépistage des troubles du langage (déclaratif)", "1")       \
    X(mte_bucco_dentaire_mt_dents, "Examen bucco-dentaire (MT dents)", "1")
