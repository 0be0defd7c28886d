/* Simulateur de la rémunération forfaitaire spécifique (RSF) — web/app.js
 *
 * The page builds a declaration (docs/declaration.md) from the form, sends it to the engine
 * (POST v1/compute) as the user types, and shows the result document (docs/result.md).  No
 * number of the accord is written here: thresholds used to propose "what would add the most"
 * come from the parameters in force (GET v1/parameters), and every amount comes from the engine;
 * the gains of the optional indicators not yet achieved are computed by the engine too
 * (POST v1/whatif, one variant per indicator set as achieved). */
'use strict';

(function () {
  const form = document.getElementById('situation');
  const $ = (id) => document.getElementById(id);
  const eur = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
  const pts = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
  const euros = (cents) => eur.format(cents / 100);

  /* ---- form inputs of the indicators ---------------------------------------------------- */

  const chk = (name, label, def) => ({ kind: 'check', name, label, def: !!def });
  const num = (name, label, def, step) => ({ kind: 'number', name, label, def: def || 0, step: step || 1 });
  const sel = (name, label, options, def) => ({ kind: 'select', name, label, options, def: def || 0 });
  const levels = (n) => Array.from({ length: n + 1 }, (_, k) => [k, k === 0 ? 'aucun' : 'niveau ' + k]);
  const pct = (x) => Number((x / 100).toFixed(6)); /* a percentage typed as a fraction of 1 */
  const up = (cur, min) => Math.max(cur, min);
  const achieved = (section) => !!(section && section.achieved);
  const percent = (rate) => Number((rate * 100).toFixed(4)); /* a stored fraction shown in % */

  /* Each entry: the lines of the result it drives (their ids are the rule ids of the engine),
   * its inputs, the sections of the declaration it writes, and for the optional ones the inputs
   * that would achieve it (from the thresholds in force).  socle: mandatory engagements. */
  const ENTRIES = [
    { id: 'acces', read: (i) => { const s = i.acces_amplitude_snp; return s ? { acces_ok: !!(s.orientation_info && s.snp_every_working_day && s.charter_displayed && s.charter_sent_cpam), acces_amplitude: s.weekday_amplitude_hours, acces_samedi: !!s.saturday_morning_open, acces_semaines: s.holiday_closure_weeks } : { acces_ok: false }; }, socle: true, title: 'Accessibilité du centre', lines: ['acces_amplitude_snp'],
      inputs: [chk('acces_ok', 'Soins non programmés chaque jour ouvré, information hors horaires, charte affichée et transmise', true),
        num('acces_amplitude', 'Amplitude quotidienne minimale en semaine (heures)', 12, 0.5),
        chk('acces_samedi', 'Ouvert le samedi matin', true),
        num('acces_semaines', 'Semaines de fermeture pendant les congés scolaires', 0)],
      decl: (v) => ({ acces_amplitude_snp: { weekday_amplitude_hours: v.acces_amplitude, saturday_morning_open: v.acces_samedi,
        holiday_closure_weeks: v.acces_semaines, orientation_info: v.acces_ok, snp_every_working_day: v.acces_ok,
        charter_displayed: v.acces_ok, charter_sent_cpam: v.acces_ok } }) },
    { id: 'crise_plan', read: (i) => ({ crise_plan: !!(i.crise_plan_preparation && i.crise_plan_preparation.written) }), socle: true, title: 'Crises sanitaires : plan de préparation', lines: ['crise_plan_preparation'],
      inputs: [chk('crise_plan', 'Plan rédigé ou mis à jour', true)],
      decl: (v) => ({ crise_plan_preparation: { written: v.crise_plan } }) },
    { id: 'crise_actions', read: (i) => ({ crise_actions: !!(i.crise_mise_en_oeuvre && i.crise_mise_en_oeuvre.crisis_declared && i.crise_mise_en_oeuvre.actions_done) }), socle: true, title: 'Crises sanitaires : actions mises en œuvre', lines: ['crise_mise_en_oeuvre'],
      inputs: [chk('crise_actions', "Crise sanitaire grave déclarée dans l'année et actions menées", false)],
      decl: (v) => ({ crise_mise_en_oeuvre: { crisis_declared: v.crise_actions, actions_done: v.crise_actions } }) },
    { id: 'concertation', read: (i) => { const s = i.concertation_pluripro; return s ? { conc_reunions: s.n_meetings, conc_dossiers: s.n_dossiers, conc_cr: !!s.reports_in_record, conc_mode: s.mode } : { conc_reunions: 0, conc_dossiers: 0, conc_cr: false }; }, socle: true, title: 'Concertation pluriprofessionnelle', lines: ['concertation_pluripro'],
      inputs: [num('conc_reunions', "Réunions dans l'année", 6), num('conc_dossiers', 'Dossiers patients étudiés', 50),
        chk('conc_cr', 'Comptes rendus intégrés au dossier des patients', true),
        sel('conc_mode', 'Qui se réunit', [['pluripro', 'Les professions du centre'], ['medical_only', 'Professions médicales seulement'],
          ['external_auxiliaries', 'Avec des auxiliaires médicaux extérieurs conventionnés']], 'pluripro')],
      decl: (v) => ({ concertation_pluripro: { n_meetings: v.conc_reunions, n_dossiers: v.conc_dossiers, mode: v.conc_mode, reports_in_record: v.conc_cr } }) },
    { id: 'protocoles', read: (i) => ({ protocoles: i.protocoles_pluripro ? i.protocoles_pluripro.n_protocols : 0 }), socle: true, title: 'Protocoles pluriprofessionnels', lines: ['protocoles_pluripro'],
      inputs: [num('protocoles', 'Protocoles élaborés', 0)],
      decl: (v) => ({ protocoles_pluripro: { n_protocols: v.protocoles } }) },
    { id: 'coordination', read: (i) => ({ coordination: !!(i.fonction_coordination && i.fonction_coordination.achieved) }), socle: true, title: 'Fonction de coordination', lines: ['fonction_coordination'],
      inputs: [chk('coordination', 'Fonction de coordination assurée', true)],
      decl: (v) => ({ fonction_coordination: { achieved: v.coordination } }) },
    { id: 'si_standard', read: (i) => ({ si_standard: !!(i.si_standard && i.si_standard.label_standard && i.si_standard.segur_lap !== false) }), socle: true, title: "Système d'information niveau standard", lines: ['si_standard'],
      inputs: [chk('si_standard', 'Labellisé niveau standard (et, depuis 2023, référencé Ségur avec LAP certifié)', true)],
      decl: (v) => ({ si_standard: { label_standard: v.si_standard, segur_lap: v.si_standard } }) },

    { id: 'missions', read: (i) => ({ missions: i.missions_sante_publique ? i.missions_sante_publique.n_missions : 0 }), title: 'Missions de santé publique', lines: ['missions_sante_publique', 'missions_sante_publique_ipa'],
      inputs: [num('missions', 'Missions validées', 0)],
      decl: (v) => ({ missions_sante_publique: { n_missions: v.missions, obesity_mission: v.obesite } }),
      achieve: (v, P) => ({ missions: up(v.missions, P('rsf_med.missions_sante_publique.max_missions')) }) },
    { id: 'second_recours', read: (i) => { const s = i.diversification || {}; return { div_jours: s.second_recours_days_per_month || 0, div_etp: s.second_recours_etp || 0 }; }, title: 'Consultations de second recours ou accès sage-femme / dentiste',
      lines: ['diversif_second_recours_2j', 'diversif_second_recours_05etp'],
      inputs: [num('div_jours', 'Jours de consultation par mois (moyenne)', 0, 0.5), num('div_etp', 'ETP de ces consultations', 0, 0.1)],
      decl: (v) => ({ diversification: { second_recours_days_per_month: v.div_jours, second_recours_etp: v.div_etp,
        n_other_medical_professions: v.div_med, n_other_paramedical_professions: v.div_para } }),
      achieve: (v, P) => ({ div_jours: up(v.div_jours, P('rsf_med.diversif.min_days_per_month')), div_etp: up(v.div_etp, P('rsf_med.diversif.min_etp')) }) },
    { id: 'offre', read: (i) => { const s = i.diversification || {}; return { div_med: s.n_other_medical_professions || 0, div_para: s.n_other_paramedical_professions || 0 }; }, title: 'Offre de soins diversifiée', lines: ['diversif_offre_2med_ou_3param', 'diversif_offre_2med_et_3param'],
      inputs: [num('div_med', 'Autres professions médicales (en sus de la médecine générale)', 0), num('div_para', 'Professions paramédicales', 0)],
      decl: (v) => ({ diversification: { second_recours_days_per_month: v.div_jours, second_recours_etp: v.div_etp,
        n_other_medical_professions: v.div_med, n_other_paramedical_professions: v.div_para } }),
      achieve: (v, P) => ({ div_med: up(v.div_med, P('rsf_med.diversif.min_medical_professions')),
        div_para: up(v.div_para, P('rsf_med.diversif.min_paramedical_professions')) }) },
    { id: 'cstm', read: (i) => ({ cstm: achieved(i.accueil_medecin_cstm) }), title: "Accueil d'un médecin d'un centre sous contrat de solidarité territoriale", lines: ['accueil_medecin_cstm'],
      inputs: [chk('cstm', 'Médecin accueilli', false)],
      decl: (v) => ({ accueil_medecin_cstm: { achieved: v.cstm } }), achieve: () => ({ cstm: true }) },
    { id: 'sas', read: (i) => { const s = i.sas_participation || {}; return { sas: !!(s.agenda_open && s.registered), sas_heures: s.hours_per_week || 0, sas_org: !!(i.sas_snp_organisation && i.sas_snp_organisation.handles_all_requests) }; }, title: "Service d'accès aux soins (SAS)", lines: ['sas_participation', 'sas_snp_organisation'],
      inputs: [chk('sas', 'Agenda ouvert au SAS et inscription sur la plateforme', false), num('sas_heures', 'Heures par semaine ouvertes au SAS', 0, 0.5),
        chk('sas_org', 'Organisé pour répondre à toutes les demandes du régulateur', false)],
      decl: (v) => ({ sas_participation: { agenda_open: v.sas, registered: v.sas, hours_per_week: v.sas_heures },
        sas_snp_organisation: { handles_all_requests: v.sas_org } }),
      achieve: (v, P) => ({ sas: true, sas_org: true, sas_heures: up(v.sas_heures, P('rsf_med.sas_participation.min_hours_per_etp_week') * v.etp_mg) }) },
    { id: 'formation', read: (i) => { const s = i.formation || {}; return { stages: s.n_stages || 0, stages_med: s.n_stages_medecins || 0, stages_inf: s.n_stages_infirmiers || 0, stages_dent: s.n_stages_dentaires || 0 }; }, title: 'Formation des jeunes professionnels (stages)',
      lines: ['formation_stages', 'formation_stagiaires_medecins', 'formation_stages_3_a_5', 'fai_stage_infirmier', 'fad_stage_dentaire'],
      inputs: [num('stages', 'Stages accueillis', 0), num('stages_med', 'dont stages de médecins', 0),
        num('stages_inf', 'dont stages infirmiers', 0), num('stages_dent', 'dont stages dentaires', 0)],
      decl: (v) => ({ formation: { n_stages: v.stages, n_stages_medecins: v.stages_med, n_stages_infirmiers: v.stages_inf, n_stages_dentaires: v.stages_dent } }),
      achieve: (v, P) => ({ stages: up(v.stages, P('rsf_med.formation_stages.min_stages')) }) },
    { id: 'coord_ext', read: (i) => ({ coord_ext: achieved(i.coordination_externe) }), title: 'Coordination externe (transmission des données de santé)', lines: ['coordination_externe'],
      inputs: [chk('coord_ext', 'Procédure de transmission en place', false)],
      decl: (v) => ({ coordination_externe: { achieved: v.coord_ext } }), achieve: () => ({ coord_ext: true }) },
    { id: 'protocoles_ipa', read: (i) => ({ protocoles_ipa: i.protocoles_ipa ? i.protocoles_ipa.n_protocols : 0 }), title: 'Protocoles avec un infirmier en pratique avancée', lines: ['protocoles_ipa'],
      inputs: [num('protocoles_ipa', 'Protocoles auxquels participe l’IPA', 0)],
      decl: (v) => ({ protocoles_ipa: { n_protocols: v.protocoles_ipa } }),
      achieve: (v, P) => ({ protocoles_ipa: up(v.protocoles_ipa, P('rsf_med.protocoles_ipa.max_protocols')) }) },
    { id: 'coop_snp', read: (i) => ({ coop_snp: i.protocoles_cooperation_snp ? i.protocoles_cooperation_snp.n_protocols : 0 }), title: 'Protocoles de coopération pour les soins non programmés', lines: ['protocoles_cooperation_snp'],
      inputs: [num('coop_snp', 'Protocoles nationaux appliqués', 0)],
      decl: (v) => ({ protocoles_cooperation_snp: { n_protocols: v.coop_snp } }),
      achieve: (v, P) => ({ coop_snp: up(v.coop_snp, P('rsf_med.protocoles_cooperation_snp.max_protocols')) }) },
    { id: 'ic', read: (i) => ({ ic: achieved(i.parcours_insuffisance_cardiaque) }), title: 'Parcours insuffisance cardiaque', lines: ['parcours_insuffisance_cardiaque'],
      inputs: [chk('ic', 'Participation au parcours', false)],
      decl: (v) => ({ parcours_insuffisance_cardiaque: { achieved: v.ic } }), achieve: () => ({ ic: true }) },
    { id: 'obesite', read: (i) => ({ obesite: achieved(i.parcours_obesite_enfant) && !!(i.missions_sante_publique && i.missions_sante_publique.obesity_mission) }), title: "Parcours surpoids et obésité de l'enfant", lines: ['parcours_obesite_enfant'],
      inputs: [chk('obesite', 'Intégré au parcours (avec la mission de santé publique correspondante)', false)],
      decl: (v) => ({ parcours_obesite_enfant: { achieved: v.obesite },
        missions_sante_publique: { n_missions: v.missions, obesity_mission: v.obesite } }),
      achieve: (v) => ({ obesite: true, missions: up(v.missions, 1) }) },
    { id: 'si_avance', read: (i) => ({ si_avance: achieved(i.si_avance) }), title: "Système d'information niveau avancé", lines: ['si_avance'],
      inputs: [chk('si_avance', 'Labellisé niveau avancé', false)],
      decl: (v) => ({ si_avance: { achieved: v.si_avance } }), achieve: () => ({ si_avance: true }) },
    { id: 'fai_mission', read: (i) => ({ fai_mission: achieved(i.fai_mission_infirmiere) }), types: ['polyvalent'], title: 'Forte activité infirmière : mission supplémentaire', lines: ['fai_mission_infirmiere'],
      inputs: [chk('fai_mission', 'Mission menée par les infirmiers', false)],
      decl: (v) => ({ fai_mission_infirmiere: { achieved: v.fai_mission } }), achieve: () => ({ fai_mission: true }) },
    { id: 'fad_mission', read: (i) => ({ fad_mission: achieved(i.fad_mission_dentaire) }), types: ['polyvalent'], title: 'Forte activité dentaire : mission supplémentaire', lines: ['fad_mission_dentaire'],
      inputs: [chk('fad_mission', 'Mission menée par les chirurgiens-dentistes', false)],
      decl: (v) => ({ fad_mission_dentaire: { achieved: v.fad_mission } }), achieve: () => ({ fad_mission: true }) },
    { id: 'fad_reunions', read: (i) => ({ fad_reunions: i.fad_reunions_dentaires ? i.fad_reunions_dentaires.n_meetings : 0 }), types: ['polyvalent'], title: 'Forte activité dentaire : réunions entre chirurgiens-dentistes', lines: ['fad_reunions_dentaires'],
      inputs: [num('fad_reunions', 'Réunions dans l’année', 0)],
      decl: (v) => ({ fad_reunions_dentaires: { n_meetings: v.fad_reunions } }),
      achieve: (v, P) => ({ fad_reunions: up(v.fad_reunions, P('rsf_med.fad_reunions_dentaires.min_meetings')) }) },
    { id: 'fad_contrat', read: (i) => ({ fad_contrat: achieved(i.fad_contrat_structure) }), types: ['polyvalent'], title: 'Forte activité dentaire : contrat avec un établissement', lines: ['fad_contrat_structure'],
      inputs: [chk('fad_contrat', 'Contrat avec un EHPAD, un établissement médico-social, pénitentiaire ou scolaire', false)],
      decl: (v) => ({ fad_contrat_structure: { achieved: v.fad_contrat } }), achieve: () => ({ fad_contrat: true }) },
    { id: 'fad_si', read: (i) => ({ fad_si: achieved(i.fad_si_dossier_dentaire) }), types: ['polyvalent'], title: 'Forte activité dentaire : dossier dentaire informatisé', lines: ['fad_si_dossier_dentaire'],
      inputs: [chk('fad_si', 'Dossier dentaire structuré intégré au système d’information', false)],
      decl: (v) => ({ fad_si_dossier_dentaire: { achieved: v.fad_si } }), achieve: () => ({ fad_si: true }) },

    { id: 'qualite', read: (i) => ({ qualite: i.qualite ? i.qualite.level : 0 }), title: 'Démarche qualité', lines: ['qualite_n1', 'qualite_n2', 'qualite_n3', 'qualite_n4'],
      inputs: [sel('qualite', 'Niveau atteint', levels(4))],
      decl: (v) => ({ qualite: { level: v.qualite } }),
      achieve: (v) => (v.qualite < 4 ? { qualite: v.qualite + 1 } : {}) },
    { id: 'vulnerables', read: (i, P) => { const s = i.vulnerables || {}; const k = P('rsf_med.vulnerables.min_subcategories'); const l = [s.level1_subcategories, s.level2_subcategories, s.level3_subcategories]; let level = 0; while (level < 3 && (l[level] || 0) >= k) level++; return { vulnerables: level, vuln_sf: !!s.sage_femme_action_outside }; }, title: 'Accompagnement des publics vulnérables', lines: ['vulnerables_n1', 'vulnerables_n2', 'vulnerables_n3', 'vulnerables_sage_femme'],
      inputs: [sel('vulnerables', 'Niveau atteint (actions dans au moins deux sous-catégories par niveau)', levels(3)),
        chk('vuln_sf', "Action d'une sage-femme salariée en dehors du centre", false)],
      decl: (v, P) => {
        const k = P('rsf_med.vulnerables.min_subcategories');
        return { vulnerables: { level1_subcategories: v.vulnerables >= 1 ? k : 0, level2_subcategories: v.vulnerables >= 2 ? k : 0,
          level3_subcategories: v.vulnerables >= 3 ? k : 0, sage_femme_action_outside: v.vuln_sf } };
      },
      achieve: (v) => (v.vulnerables < 3 ? { vulnerables: v.vulnerables + 1 } : {}) },
    { id: 'mediateur', read: (i) => ({ mediateur: !!(i.mediateur_sante && i.mediateur_sante.present) }), title: 'Médiateur en santé', lines: ['mediateur_sante'],
      inputs: [chk('mediateur', 'Un médiateur en santé exerce dans le centre', false)],
      decl: (v) => ({ mediateur_sante: { present: v.mediateur } }), achieve: () => ({ mediateur: true }) },
    { id: 'usagers', read: (i) => ({ usagers: i.usagers ? i.usagers.level : 0 }), title: 'Implication des usagers', lines: ['usagers_n1', 'usagers_n2'],
      inputs: [sel('usagers', 'Niveau atteint', levels(2))],
      decl: (v) => ({ usagers: { level: v.usagers } }),
      achieve: (v) => (v.usagers < 2 ? { usagers: v.usagers + 1 } : {}) },
    { id: 'teletransmission', read: (i) => { const s = i.teletransmission; return s ? { teletrans: percent(s.rate), sesam: !!s.sesam_version_ok } : { teletrans: 0 }; }, title: 'Télétransmission', lines: ['teletransmission'],
      inputs: [num('teletrans', 'Taux de télétransmission SESAM-Vitale (%)', 0, 0.1), chk('sesam', 'Logiciel à la version SESAM-Vitale exigée', true)],
      decl: (v) => ({ teletransmission: { rate: pct(v.teletrans), sesam_version_ok: v.sesam } }),
      achieve: (v, P) => ({ teletrans: up(v.teletrans, Number((P('rsf_med.teletransmission.min_rate') * 100).toFixed(4))), sesam: true }) },
    { id: 'scor', read: (i) => ({ scor: !!(i.scor && i.scor.used) }), title: 'SCOR (numérisation des pièces justificatives)', lines: ['scor'],
      inputs: [chk('scor', 'SCOR utilisé', false)], decl: (v) => ({ scor: { used: v.scor } }), achieve: () => ({ scor: true }) },
    { id: 'teleservices', read: (i) => ({ teleservices: achieved(i.teleservices_justificatif) }), title: 'Justificatif d’utilisation des téléservices', lines: ['teleservices_justificatif'],
      inputs: [chk('teleservices', 'Justificatif transmis', false)],
      decl: (v) => ({ teleservices_justificatif: { achieved: v.teleservices } }), achieve: () => ({ teleservices: true }) },
    { id: 'video', read: (i) => ({ video: achieved(i.video_transmission) }), title: 'Équipement de vidéotransmission', lines: ['video_transmission'],
      inputs: [chk('video', 'Équipement pour la téléconsultation', false)],
      decl: (v) => ({ video_transmission: { achieved: v.video } }), achieve: () => ({ video: true }) },
    { id: 'video_inf', read: (i) => ({ video_inf: achieved(i.video_transmission_infirmiers) }), title: 'Vidéotransmission : infirmiers', lines: ['video_transmission_infirmiers'],
      inputs: [chk('video_inf', 'Infirmiers participant à la téléconsultation équipés', false)],
      decl: (v) => ({ video_transmission_infirmiers: { achieved: v.video_inf } }), achieve: () => ({ video_inf: true }) },
    { id: 'equipements', read: (i) => ({ equipements: i.equipements_connectes ? i.equipements_connectes.n_devices : 0 }), title: 'Équipements médicaux connectés', lines: ['equipements_connectes'],
      inputs: [num('equipements', 'Équipements acquis', 0)],
      decl: (v) => ({ equipements_connectes: { n_devices: v.equipements } }),
      achieve: (v) => ({ equipements: up(v.equipements, Math.ceil(v.etp_medicaux + v.etp_infirmiers)) }) },
    { id: 'codage', read: (i) => ({ codage: achieved(i.codage_donnees) }), title: 'Capacité à coder les données', lines: ['codage_donnees'],
      inputs: [chk('codage', 'Données codées', false)], decl: (v) => ({ codage_donnees: { achieved: v.codage } }), achieve: () => ({ codage: true }) },
    { id: 'dmp', read: (i) => ({ dmp: i.dmp_alimentation ? percent(i.dmp_alimentation.rate) : 0 }), title: 'Alimentation du DMP', lines: ['dmp_alimentation'],
      inputs: [num('dmp', 'Taux d’alimentation du DMP (%)', 0, 0.1)], decl: (v) => ({ dmp_alimentation: { rate: pct(v.dmp) } }),
      achieve: (v, P) => ({ dmp: up(v.dmp, Number((P('rsf_med.dmp_alimentation.min_rate') * 100).toFixed(4))) }) },
    { id: 'mss', read: (i) => ({ mss: i.mss_usage ? percent(i.mss_usage.rate) : 0 }), title: 'Usage de la messagerie sécurisée (MSS)', lines: ['mss_usage'],
      inputs: [num('mss', 'Taux d’usage de la MSS (%)', 0, 0.1)], decl: (v) => ({ mss_usage: { rate: pct(v.mss) } }),
      achieve: (v, P) => ({ mss: up(v.mss, Number((P('rsf_med.mss_usage.min_rate') * 100).toFixed(4))) }) },
    { id: 'eprescription', read: (i) => ({ eprescription: i.e_prescription ? percent(i.e_prescription.rate) : 0 }), title: 'E-prescription', lines: ['e_prescription'],
      inputs: [num('eprescription', 'Taux d’e-prescription (%)', 0, 0.1)], decl: (v) => ({ e_prescription: { rate: pct(v.eprescription) } }),
      achieve: (v, P) => ({ eprescription: up(v.eprescription, Number((P('rsf_med.e_prescription.min_rate') * 100).toFixed(4))) }) },
    { id: 'acv', read: (i) => ({ acv: i.appli_carte_vitale ? i.appli_carte_vitale.n_fse : 0 }), title: 'Application carte Vitale', lines: ['appli_carte_vitale'],
      inputs: [num('acv', 'Feuilles de soins faites avec l’application carte Vitale', 0)], decl: (v) => ({ appli_carte_vitale: { n_fse: v.acv } }),
      achieve: (v, P) => ({ acv: up(v.acv, P('rsf_med.appli_carte_vitale.min_fse')) }) },
  ];

  /* ---- building the form -------------------------------------------------------------------- */

  function inputFor(spec) {
    const label = document.createElement('label');
    let el;
    if (spec.kind === 'check') {
      label.className = 'check';
      el = document.createElement('input');
      el.type = 'checkbox';
      el.checked = spec.def;
      label.append(el, ' ' + spec.label);
    } else if (spec.kind === 'select') {
      el = document.createElement('select');
      for (const [value, text] of spec.options) {
        const o = document.createElement('option');
        o.value = value;
        o.textContent = text;
        if (String(value) === String(spec.def)) o.selected = true;
        el.append(o);
      }
      label.append(spec.label + ' ', el);
    } else {
      el = document.createElement('input');
      el.type = 'number';
      el.min = '0';
      el.step = String(spec.step);
      el.value = String(spec.def);
      el.inputMode = spec.step === 1 ? 'numeric' : 'decimal';
      label.append(spec.label + ' ', el);
    }
    el.name = spec.name;
    return label;
  }

  const list = $('indicator-list');
  for (const group of [['socle', 'Socle (engagements obligatoires, dont les prérequis)'], ['optional', 'Engagements optionnels']]) {
    const h = document.createElement('h3');
    h.textContent = group[1];
    list.append(h);
    for (const e of ENTRIES) {
      if ((group[0] === 'socle') !== !!e.socle) continue;
      const box = document.createElement('div');
      box.className = 'indicator';
      box.dataset.entry = e.id;
      if (e.types) box.dataset.types = e.types.join(' ');
      const t = document.createElement('div');
      t.className = 'indicator-title';
      t.textContent = e.title;
      const art = document.createElement('span');
      art.className = 'article';
      art.dataset.lines = e.lines.join(' ');
      t.append(' ', art);
      box.append(t);
      for (const spec of e.inputs) box.append(inputFor(spec));
      list.append(box);
    }
  }
  const yearSelect = form.elements.year;
  for (let y = 2020; y <= 2025; y++) {
    const o = document.createElement('option');
    o.value = o.textContent = String(y);
    if (y === 2023) o.selected = true;
    yearSelect.append(o);
  }

  /* ---- reading the form ----------------------------------------------------------------------- */

  function values() {
    const v = {};
    for (const el of form.elements) {
      if (!el.name) continue;
      if (el.type === 'checkbox') v[el.name] = el.checked;
      else if (el.type === 'number') v[el.name] = el.value === '' ? 0 : Number(el.value);
      else if (el.tagName === 'SELECT' && /^\d+$/.test(el.value)) v[el.name] = Number(el.value);
      else v[el.name] = el.value;
    }
    return v;
  }

  function applies(e, type) {
    return !e.types || e.types.includes(type);
  }

  function mergeInto(target, source) {
    for (const [k, val] of Object.entries(source)) {
      if (val && typeof val === 'object' && !Array.isArray(val)) target[k] = mergeInto(target[k] || {}, val);
      else target[k] = val;
    }
    return target;
  }

  function indicators(v, P, only) {
    const out = {};
    for (const e of ENTRIES) if (applies(e, v.type) && (!only || only === e)) mergeInto(out, e.decl(v, P));
    return out;
  }

  function declaration(v, P) {
    return {
      ancre_declaration: 1,
      year: Number(v.year),
      centre: { name: v.name, type: v.type, adhesion_date: v.adhesion_date },
      staff: { n_ps_salaries: v.n_ps_salaries, etp_ps: v.etp_ps, etp_mg: v.etp_mg, etp_medicaux: v.etp_medicaux,
        etp_paramedicaux: v.etp_paramedicaux, etp_infirmiers: v.etp_infirmiers, etp_sages_femmes: v.etp_sages_femmes,
        n_ipa_salaries: v.n_ipa_salaries, etp_dentistes: v.etp_dentistes },
      patients: { n_mt_31_12: v.n_mt_31_12, n_ame_2_soins_mg: v.n_ame_2_soins_mg, n_mt_ald_or_over75: v.n_mt_ald_or_over75,
        file_active_mg: v.file_active_mg, n_css_fa: v.n_css_fa, n_ame_fa: v.n_ame_fa, n_patients_nursing: v.n_patients_nursing,
        taux_ald_inval_nursing: pct(v.taux_ald_inval_nursing_pct), n_patients_dental: v.n_patients_dental },
      activity: { fees_total: v.fees_total, fees_dental: v.fees_dental },
      payments: { previous_year_amount_cents: Math.round(v.previous_year_eur * 100) },
      indicators: indicators(v, P),
    };
  }

  /* ---- parameters in force (thresholds of "what would add the most") ------------------------- */

  const paramCache = {};
  async function parametersOf(year) {
    if (!paramCache[year]) {
      paramCache[year] = fetch('v1/parameters?date=' + year + '-12-31')
        .then((r) => (r.ok ? r.json() : []))
        .then((list) => {
          const m = {};
          for (const p of list) if (p.values && p.values.length && p.values[0].value !== null) m[p.id] = p.values[0].value;
          return m;
        });
    }
    const m = await paramCache[year];
    return (id) => {
      if (!(id in m)) throw new Error('paramètre ' + id + ' non en vigueur en ' + year);
      return Number(m[id]);
    };
  }

  /* ---- a declaration of the store into the form ----------------------------------------------- */

  function fill(v) {
    for (const [name, value] of Object.entries(v)) {
      const el = form.elements[name];
      if (!el || value === undefined || value === null) continue;
      if (el.type === 'checkbox') el.checked = !!value;
      else el.value = String(value);
    }
  }

  async function loadStored(finess, year) {
    const r = await fetch('v1/declarations/' + encodeURIComponent(finess) + '/' + year);
    if (!r.ok) return;
    const d = await r.json();
    const c = d.centre || {}, st = d.staff || {}, pa = d.patients || {}, ac = d.activity || {}, pay = d.payments || {};
    fill({ name: c.name || '', type: c.type, year: d.year, adhesion_date: c.adhesion_date,
      previous_year_eur: (pay.previous_year_amount_cents || 0) / 100 });
    const general = ['n_ps_salaries', 'etp_ps', 'etp_mg', 'etp_medicaux', 'etp_paramedicaux', 'etp_infirmiers',
      'etp_sages_femmes', 'n_ipa_salaries', 'etp_dentistes'];
    for (const k of general) fill({ [k]: st[k] || 0 });
    for (const k of ['n_mt_31_12', 'n_ame_2_soins_mg', 'n_mt_ald_or_over75', 'file_active_mg', 'n_css_fa', 'n_ame_fa',
      'n_patients_nursing', 'n_patients_dental']) fill({ [k]: pa[k] || 0 });
    fill({ taux_ald_inval_nursing_pct: percent(pa.taux_ald_inval_nursing || 0), fees_total: ac.fees_total || 0,
      fees_dental: ac.fees_dental || 0 });
    const P = await parametersOf(d.year);
    for (const e of ENTRIES) {
      for (const spec of e.inputs) fill({ [spec.name]: spec.def }); /* absent section: not achieved */
      try {
        fill(e.read(d.indicators || {}, P));
      } catch (err) {
        /* a parameter not in force that year: the indicator keeps its default */
      }
    }
    schedule();
  }

  async function listStored() {
    const r = await fetch('v1/centres');
    if (!r.ok) return; /* no store: the control stays hidden */
    const centres = (await r.json()).filter((c) => c.type === 'medical' || c.type === 'polyvalent');
    if (!centres.length) return;
    const select = $('stored');
    for (const c of centres) {
      const year = Math.max(...c.years);
      const o = document.createElement('option');
      o.value = c.finess + '/' + year;
      o.textContent = (c.name || c.finess) + ' — ' + year;
      select.append(o);
    }
    $('stored-box').hidden = false;
    select.addEventListener('change', () => {
      if (!select.value) return;
      const [finess, year] = select.value.split('/');
      loadStored(finess, year);
    });
  }

  /* ---- showing the result ------------------------------------------------------------------------ */

  const STATUS = {
    achieved: 'atteint', not_achieved: 'non atteint', not_declared: 'non déclaré', not_in_grid: 'hors grille',
    excluded: 'exclu (non-cumul)', not_triggered: 'atteint, non versé (prérequis)', adjustment: 'ajustement',
  };

  function setFigure(id, cents) {
    const o = $(id);
    o.dataset.cents = String(cents);
    o.textContent = euros(cents);
    o.classList.toggle('negative', cents < 0);
  }

  function showErrors(errors) {
    const box = $('errors');
    box.hidden = false;
    box.replaceChildren();
    const h = document.createElement('strong');
    h.textContent = 'La situation ne peut pas être calculée :';
    const ul = document.createElement('ul');
    for (const e of errors) {
      const li = document.createElement('li');
      li.textContent = e.message + (e.rule ? ' [' + e.rule + ']' : '');
      ul.append(li);
    }
    box.append(h, ul);
    $('status').textContent = 'Erreur de saisie';
    $('status').className = 'status bad';
    $('mobile-amount').textContent = $('mobile-balance').textContent = '—';
    for (const id of ['total', 'advance', 'balance']) {
      $(id).textContent = '—';
      $(id).dataset.cents = '';
    }
  }

  function chart(lines) {
    const shown = lines.filter((l) => l.amount_cents !== 0).sort((a, b) => Math.abs(b.amount_cents) - Math.abs(a.amount_cents));
    const box = $('chart');
    box.replaceChildren();
    if (!shown.length) {
      box.textContent = 'Aucun montant.';
      return;
    }
    const max = Math.max(...shown.map((l) => Math.abs(l.amount_cents)));
    for (const l of shown) {
      const row = document.createElement('div');
      row.className = 'bar-row';
      row.dataset.id = l.id;
      const name = document.createElement('span');
      name.className = 'bar-label';
      name.textContent = l.label;
      const track = document.createElement('span');
      track.className = 'bar-track';
      const bar = document.createElement('span');
      bar.className = 'bar ' + (l.amount_cents < 0 ? 'minus' : l.bloc === 'complementaire' ? 'bcc' : 'bcp');
      bar.style.width = Math.max(1, (100 * Math.abs(l.amount_cents)) / max).toFixed(2) + '%';
      track.append(bar);
      const amount = document.createElement('span');
      amount.className = 'bar-amount';
      amount.textContent = euros(l.amount_cents);
      row.append(name, track, amount);
      box.append(row);
    }
  }

  function show(res) {
    $('errors').hidden = true;
    $('status').textContent = 'Calculé pour ' + res.year;
    $('status').className = 'status ok';
    setFigure('total', res.total_cents);
    setFigure('advance', res.advance_cents || 0);
    setFigure('balance', res.balance_cents || 0);
    $('mobile-amount').textContent = euros(res.total_cents);
    $('mobile-balance').textContent = euros(res.balance_cents || 0);
    const byId = Object.fromEntries(res.lines.map((l) => [l.id, l]));
    for (const span of document.querySelectorAll('.article[data-lines]')) {
      const arts = [...new Set(span.dataset.lines.split(' ').map((id) => byId[id] && byId[id].article).filter(Boolean))];
      span.textContent = arts.length ? '(' + arts.join(' ; ') + ')' : '';
    }
    const type = form.elements.type.value;
    for (const box of document.querySelectorAll('.indicator[data-types]')) box.hidden = !box.dataset.types.split(' ').includes(type);

    const gate = $('gate');
    gate.replaceChildren();
    if (res.gate) {
      const p = document.createElement('p');
      p.className = res.gate.triggered ? 'gate-ok' : 'gate-ko';
      const pre = res.gate.prerequisites || [];
      const met = pre.filter((x) => x.met).length;
      p.textContent = (res.gate.triggered ? 'RSF déclenchée' : 'RSF non déclenchée : aucun montant n’est versé') +
        ' — ' + met + ' prérequis atteint' + (met > 1 ? 's' : '') + ' sur ' + pre.length + ' (' + res.gate.article + ')';
      p.title = res.gate.reason; /* the engine's explanation, derogations included */
      gate.append(p);
      const ul = document.createElement('ul');
      ul.className = 'plain prereq';
      for (const pr of res.gate.prerequisites || []) {
        const li = document.createElement('li');
        li.dataset.id = pr.id;
        li.className = pr.met ? 'met' : 'unmet';
        li.textContent = (pr.met ? '✓ ' : '✗ ') + (byId[pr.id] ? byId[pr.id].label : pr.id);
        ul.append(li);
      }
      gate.append(ul);
    }

    chart(res.lines);

    const tbody = $('lines').tBodies[0];
    tbody.replaceChildren();
    for (const l of res.lines) {
      if (l.status === 'not_in_grid' || l.kind !== 'indicator') continue;
      const tr = document.createElement('tr');
      tr.dataset.id = l.id;
      tr.className = l.amount_cents ? 'paid' : 'unpaid';
      const cells = [l.label, l.article, STATUS[l.status] || l.status, pts.format(Number(l.points)), euros(l.amount_cents)];
      cells.forEach((text, i) => {
        const td = document.createElement('td');
        td.textContent = text;
        td.dataset.label = ['Indicateur', 'Article', 'État', 'Points', 'Montant'][i];
        if (i >= 3) td.className = 'num';
        if (i === 2 && l.note) td.title = l.note;
        tr.append(td);
      });
      tbody.append(tr);
    }

    const adj = $('adjustments');
    adj.replaceChildren();
    for (const l of res.lines.filter((x) => x.kind !== 'indicator')) {
      const li = document.createElement('li');
      li.dataset.id = l.id;
      li.textContent = l.label + ' (' + l.article + ') : ' + euros(l.amount_cents) + (l.note ? ' — ' + l.note : '');
      adj.append(li);
    }
    const pay = $('payments');
    pay.replaceChildren();
    for (const p of res.payments || []) {
      const li = document.createElement('li');
      li.textContent = (p.due || '') + ' — ' + p.label + ' (' + p.article + ') : ' + euros(p.amount_cents);
      pay.append(li);
    }
    $('notes').textContent = (res.notes || []).join(' · ');
  }

  async function showOpportunities(v, P, decl, seq) {
    const variants = [];
    for (const e of ENTRIES) {
      if (e.socle || !e.achieve || !applies(e, v.type)) continue;
      let changed;
      try {
        changed = e.achieve(v, P);
      } catch (err) {
        continue; /* a threshold not in force that year: the indicator is not in the grid */
      }
      if (!Object.keys(changed).some((k) => changed[k] !== v[k])) continue;
      variants.push({ id: e.id, patch: { indicators: indicators({ ...v, ...changed }, P, e) } });
    }
    const r = await fetch('v1/whatif', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ declaration: decl, variants }) });
    if (seq !== sequence) return;
    const ol = $('opportunities');
    ol.replaceChildren();
    if (!r.ok) return;
    const answer = await r.json();
    const gains = answer.variants.filter((x) => x.delta_cents > 0).sort((a, b) => b.delta_cents - a.delta_cents);
    for (const g of gains) {
      const e = ENTRIES.find((x) => x.id === g.id);
      const li = document.createElement('li');
      li.dataset.entry = g.id;
      li.dataset.cents = String(g.delta_cents);
      const span = document.createElement('span');
      span.textContent = e.title;
      const art = document.querySelector('.indicator[data-entry="' + e.id + '"] .article');
      const amount = document.createElement('strong');
      amount.textContent = '+' + euros(g.delta_cents);
      li.append(span, ' ', art ? art.textContent + ' ' : '', amount);
      ol.append(li);
    }
    if (!gains.length) ol.textContent = 'Aucun indicateur optionnel supplémentaire ne changerait le montant.';
  }

  /* ---- computing as the user types ---------------------------------------------------------------- */

  let sequence = 0;
  let timer = null;
  async function update() {
    const seq = ++sequence;
    const v = values();
    $('rules-link').href = 'v1/rules?type=' + encodeURIComponent(v.type) + '&year=' + v.year;
    let P;
    try {
      P = await parametersOf(v.year);
    } catch (err) {
      P = () => { throw new Error('paramètres indisponibles'); };
    }
    let decl;
    try {
      decl = declaration(v, P);
    } catch (err) {
      showErrors([{ message: err.message, rule: '' }]);
      return;
    }
    $('status').textContent = 'Calcul…';
    const r = await fetch('v1/compute', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(decl) });
    if (seq !== sequence) return;
    const body = await r.json();
    if (seq !== sequence) return;
    if (!r.ok) {
      showErrors(body.errors || [{ message: 'HTTP ' + r.status }]);
      $('opportunities').replaceChildren();
      return;
    }
    show(body);
    await showOpportunities(v, P, decl, seq);
    if (seq === sequence) document.body.dataset.ready = String(seq);
  }

  function schedule() {
    clearTimeout(timer);
    sequence++; /* an answer to an earlier state of the form is no longer shown */
    document.body.dataset.ready = '';
    timer = setTimeout(update, 120);
  }
  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);
  form.addEventListener('submit', (ev) => ev.preventDefault());
  listStored();
  update();
})();
