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
  /* the page is French: the engine answers in French whatever the browser's languages */
  const api = (url, opts = {}) => fetch(url, { ...opts, headers: { 'Accept-Language': 'fr', ...(opts.headers || {}) } });

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

  /* ---- centres infirmiers and dentaires: the form built from the declaration's schema ---------
   * (GET v1/schema), in French; sections are grouped as the accord groups the indicators: the
   * bloc commun principal (Art. 8) and the bloc commun complémentaire (Art. 9). */

  const SECTION_FR = {
    acces_soins: 'Accès aux soins', crise_plan: 'Crises sanitaires : plan de préparation',
    crise_actions: 'Crises sanitaires : actions mises en œuvre', mission_sante_publique: 'Missions de santé publique',
    concertation: 'Concertation entre professionnels du centre', concertation_msp: 'Concertation avec une maison de santé pluriprofessionnelle',
    formation: 'Formation des jeunes professionnels (stages)', coordination_externe: 'Coordination externe',
    protocoles_msp: 'Protocoles pluriprofessionnels avec la maison de santé', fonction_coordination: 'Fonction de coordination',
    si: "Système d'information", logiciel_pluripro_ans: 'Logiciel pluriprofessionnel labellisé par l’ANS',
    qualite: 'Démarche qualité', vulnerables: 'Accompagnement des publics vulnérables', mediateur: 'Médiateur en santé',
    usagers: 'Implication des usagers', teletransmission: 'Télétransmission', scor: 'SCOR (numérisation des pièces justificatives)',
    video: 'Équipement de vidéotransmission', objets_connectes: 'Équipements médicaux connectés',
  };
  const FIELD_FR = {
    'centre.finess_category': 'Catégorie FINESS du centre',
    'staff.etp_infirmiers': 'ETP infirmiers salariés', 'staff.etp_paramedicaux': 'ETP auxiliaires médicaux salariés',
    'staff.etp_sages_femmes': 'ETP sages-femmes salariées', 'staff.etp_dentistes': 'ETP chirurgiens-dentistes salariés',
    'patients.n_patients_nursing': 'Patients ayant eu au moins 3 soins infirmiers à des dates différentes',
    'patients.taux_ald_inval_nursing': 'dont patients en ALD ou invalidité (%)',
    'patients.n_css_nursing': 'dont bénéficiaires de la CSS', 'patients.n_ame_nursing': 'dont bénéficiaires de l’AME',
    'patients.n_patients_dental': 'Patients ayant eu au moins un soin dentaire remboursable',
    'patients.n_css_dental': 'dont bénéficiaires de la CSS', 'patients.n_ame_dental': 'dont bénéficiaires de l’AME',
    'activity.fees_total': 'Honoraires du centre dans l’année (€)', 'activity.fees_nursing': 'dont honoraires infirmiers (€)',
    'activity.fees_dental': 'dont honoraires dentaires (€)',
    prescribed_care_24h_365d: 'Accès aux soins prescrits garanti 24 h sur 24, 365 jours par an',
    snp_every_working_day: 'Soins non programmés chaque jour ouvré, aux heures d’ouverture',
    orientation_info: 'Information claire sur où s’adresser en dehors des heures d’ouverture',
    charter_displayed: 'Charte d’engagement affichée dans le centre', charter_sent_cpam: 'Copie de la charte transmise à la caisse',
    weekday_amplitude_hours: 'Amplitude quotidienne minimale en semaine (heures)', saturday_morning_open: 'Ouvert le samedi matin',
    holiday_closure_weeks: 'Semaines de fermeture pendant les congés scolaires',
    ars_pdsa_derogation: 'Horaires fixés par une organisation régionale de la permanence des soins',
    written: 'Plan rédigé ou mis à jour', crisis_declared: 'Crise sanitaire grave déclarée dans l’année', actions_done: 'Actions menées pour les patients pendant la crise',
    n_campaigns: 'Campagnes de prévention relayées', achieved: 'Engagement atteint',
    n_meetings: 'Réunions dans l’année', coordinator_present: 'Le coordinateur a participé aux réunions',
    msp_convention: 'Convention avec une maison de santé pluriprofessionnelle adhérente', n_stages: 'Stages accueillis',
    transmission_procedure: 'Procédure de transmission des données de santé', n_conventions: 'Conventions signées avec des établissements',
    directory_up_to_date: 'Annuaire à jour de l’offre sanitaire et sociale locale',
    flu_vaccination_info: 'Le médecin traitant est informé des vaccinations antigrippales',
    contract_signed: 'Contrat avec un EHPAD, un établissement médico-social ou pénitentiaire, ou une école',
    n_interventions: 'Interventions des chirurgiens-dentistes hors du centre', n_protocols: 'Protocoles élaborés',
    manager_identified: 'Organisation et information des patients confiées à un responsable identifié',
    nurse_coordinator_identified: 'Un infirmier identifié est chargé de la coordination',
    compliant: 'Système conforme au cahier des charges', acquisition_date: 'Date d’acquisition (prorata)',
    labelled: 'Logiciel labellisé acquis', level: 'Niveau atteint', criteria_share: 'Part des critères du référentiel atteints (%)',
    level1_subcategories: 'Sous-catégories du niveau 1 avec au moins une action', level2_subcategories: 'Sous-catégories du niveau 2 avec au moins une action',
    level3_subcategories: 'Sous-catégories du niveau 3 avec au moins une action', sage_femme_action_outside: 'Action « aller vers » d’une sage-femme salariée hors du centre',
    present: 'Un médiateur en santé exerce dans le centre', rate: 'Taux atteint (%)', sesam_version_ok: 'Logiciel à la version SESAM-Vitale exigée',
    used: 'SCOR utilisé', n_devices: 'Équipements acquis',
  };
  const GENERAL = {
    infirmier: ['staff.etp_infirmiers', 'staff.etp_paramedicaux', 'staff.etp_sages_femmes', 'patients.n_patients_nursing',
      'patients.taux_ald_inval_nursing', 'patients.n_css_nursing', 'patients.n_ame_nursing', 'activity.fees_total', 'activity.fees_nursing'],
    dentaire: ['staff.etp_dentistes', 'patients.n_patients_dental', 'patients.n_css_dental', 'patients.n_ame_dental',
      'activity.fees_total', 'activity.fees_dental'],
  };
  const PREFIX = { infirmier: 'csi_', dentaire: 'cd_' };
  const generatedType = (type) => type in PREFIX;
  let schema = [];
  const schemaOf = (path) => schema.find((f) => f.path === path);
  const isPercent = (f) => f.type === 'number' && f.max === '1';

  function labelOf(path) {
    if (FIELD_FR[path]) return FIELD_FR[path];
    const leaf = path.split('.').pop();
    return FIELD_FR[leaf] || leaf;
  }

  function fieldInput(f) {
    const label = document.createElement('label');
    let el;
    if (f.type === 'boolean') {
      label.className = 'check';
      el = document.createElement('input');
      el.type = 'checkbox';
      label.append(el, ' ' + labelOf(f.path));
    } else {
      el = document.createElement('input');
      if (f.type === 'date') el.type = 'date';
      else {
        el.type = 'number';
        el.min = '0';
        el.step = f.type === 'integer' ? '1' : 'any';
        el.inputMode = f.type === 'integer' ? 'numeric' : 'decimal';
        if (isPercent(f)) el.max = '100';
      }
      label.append(labelOf(f.path) + ' ', el);
    }
    el.name = f.path;
    el.dataset.path = f.path;
    return label;
  }

  function buildGenerated(type) {
    const box = $('generated');
    box.replaceChildren();
    if (!generatedType(type)) return;
    const general = document.createElement('fieldset');
    const lg = document.createElement('legend');
    lg.textContent = type === 'infirmier' ? 'Équipe, patientèle et activité du centre infirmier' : 'Équipe, patientèle et activité du centre dentaire';
    general.append(lg);
    for (const path of GENERAL[type]) {
      const f = schemaOf(path);
      if (f) general.append(fieldInput(f));
    }
    box.append(general);
    const sections = new Map();
    for (const f of schema) {
      const m = /^indicators\.([^.]+)\.(.+)$/.exec(f.path);
      if (!m || !m[1].startsWith(PREFIX[type])) continue;
      if (!sections.has(m[1])) sections.set(m[1], []);
      sections.get(m[1]).push(f);
    }
    const blocs = [['principal', 'Bloc commun principal (Art. 8)'], ['complementaire', 'Bloc commun complémentaire (Art. 9)']];
    for (const [bloc, title] of blocs) {
      const fs = document.createElement('fieldset');
      const lg2 = document.createElement('legend');
      lg2.textContent = title;
      fs.append(lg2);
      for (const [name, fields] of sections) {
        const inComplementary = /^Art\. 9/.test(fields[0].article);
        if ((bloc === 'complementaire') !== inComplementary) continue;
        const div = document.createElement('div');
        div.className = 'indicator';
        div.dataset.section = name;
        const t = document.createElement('div');
        t.className = 'indicator-title';
        t.textContent = SECTION_FR[name.slice(PREFIX[type].length)] || name;
        const art = document.createElement('span');
        art.className = 'article';
        art.textContent = '(' + fields[0].article + ')';
        t.append(' ', art);
        div.append(t);
        for (const f of fields) div.append(fieldInput(f));
        fs.append(div);
      }
      box.append(fs);
    }
    box.hidden = false;
  }

  /* the declaration of a centre infirmier or dentaire from the generated fields: an empty number
   * is left out (the engine then names it "non renseigné" where the accord needs it) */
  function generatedDeclaration(v) {
    const d = { ancre_declaration: 1, year: Number(v.year),
      centre: { name: v.name, type: v.type, finess_category: v.type, adhesion_date: v.adhesion_date },
      payments: { previous_year_amount_cents: Math.round(v.previous_year_eur * 100) }, indicators: {} };
    const assumed = [];
    if (form.elements.previous_year_eur.value === '') {
      delete d.payments;
      assumed.push(fieldName(form.elements.previous_year_eur));
    }
    for (const el of $('generated').querySelectorAll('[data-path]')) {
      const f = schemaOf(el.dataset.path);
      let value;
      if (f.type === 'boolean') value = el.checked;
      else if (el.value === '') {
        assumed.push(labelOf(f.path));
        continue;
      } else if (f.type === 'date') value = el.value;
      else value = isPercent(f) ? pct(Number(el.value)) : Number(el.value);
      const parts = f.path.split('.');
      let o = d;
      for (const k of parts.slice(0, -1)) o = o[k] = o[k] || {};
      o[parts[parts.length - 1]] = value;
    }
    /* an indicator with nothing ticked nor typed is not declared (the engine says so) */
    for (const [name, sec] of Object.entries(d.indicators))
      if (!Object.values(sec).some((x) => x !== false)) delete d.indicators[name];
    d.__unfilled = assumed;
    return d;
  }

  function fillGenerated(d) {
    for (const el of $('generated').querySelectorAll('[data-path]')) {
      const f = schemaOf(el.dataset.path);
      let value = d;
      for (const k of f.path.split('.')) value = value == null ? undefined : value[k];
      if (f.type === 'boolean') el.checked = !!value;
      else el.value = value === undefined || value === null ? '' : String(isPercent(f) ? percent(value) : value);
    }
  }

  /* ---- the other fields of a declaration of a centre médical or polyvalent ------------------ */

  const EXTRA = [
    { path: 'centre.finess', kind: 'text', label: 'Numéro FINESS du centre' },
    { path: 'centre.finess_date', kind: 'date', label: 'Date d’attribution du FINESS (centre nouveau, Art. 18.1)' },
    { path: 'centre.projet_sante_date', kind: 'date', label: 'Date de dépôt du projet de santé à l’ARS (Art. 14)' },
    { path: 'centre.excluded_indicators', kind: 'list', label: 'Indicateurs déjà rémunérés par un autre accord ou contrat (non-cumul, Art. 11), séparés par des virgules' },
    { path: 'payments.advance_paid_cents', kind: 'euros', label: 'Avance effectivement versée, si elle diffère de l’avance calculée (€, Art. 18.1)' },
    { path: 'indicators.si_standard.label_withdrawn_date', kind: 'date', label: 'Système d’information : date du retrait du label (Art. 14)' },
    { path: 'indicators.si_standard.achieved_previous_years', kind: 'check', label: 'Système d’information : indicateur atteint les années précédant le retrait du label' },
    { path: 'indicators.regulation_territoriale.achieved', kind: 'check', label: 'Grille d’avant 2022 : participation à une régulation territoriale des soins non programmés' },
    { path: 'indicators.vulnerables_forfait.achieved', kind: 'check', label: 'Grille d’avant 2022 : accompagnement des publics vulnérables' },
    { path: 'indicators.information_public.achieved', kind: 'check', label: 'Grille d’avant 2022 : information du public' },
    { path: 'indicators.mediateur_sante_2021.present', kind: 'check', label: 'Grille d’avant 2022 : médiateur en santé dans le centre' },
    { path: 'indicators.dmp_ouverture_infirmiers.n_dmp_opened', kind: 'number', label: 'Grille d’avant 2022 : DMP ouverts avec les infirmiers' },
  ];

  function buildExtra() {
    const box = $('extra-list');
    for (const x of EXTRA) {
      const label = document.createElement('label');
      const el = document.createElement('input');
      el.dataset.path = x.path;
      el.name = x.path;
      if (x.kind === 'check') {
        label.className = 'check';
        el.type = 'checkbox';
        label.append(el, ' ' + x.label);
      } else {
        el.type = x.kind === 'date' ? 'date' : x.kind === 'number' || x.kind === 'euros' ? 'number' : 'text';
        if (el.type === 'number') {
          el.min = '0';
          el.step = x.kind === 'euros' ? '0.01' : '1';
          el.inputMode = 'decimal';
        }
        label.append(x.label + ' ', el);
      }
      box.append(label);
    }
  }

  /* what the other fields add to the declaration: a field left empty is not declared */
  function extraInto(d) {
    for (const x of EXTRA) {
      const el = $('extra-list').querySelector('[data-path="' + x.path + '"]');
      let value;
      if (x.kind === 'check') value = el.checked ? true : undefined;
      else if (el.value === '') value = undefined;
      else if (x.kind === 'euros') value = Math.round(Number(el.value) * 100);
      else if (x.kind === 'number') value = Number(el.value);
      else if (x.kind === 'list') value = el.value.split(',').map((t) => t.trim()).filter(Boolean);
      else value = el.value;
      if (value === undefined) continue;
      const parts = x.path.split('.');
      let o = d;
      for (const k of parts.slice(0, -1)) o = o[k] = o[k] || {};
      o[parts[parts.length - 1]] = value;
    }
    return d;
  }

  function fillExtra(d) {
    for (const x of EXTRA) {
      const el = $('extra-list').querySelector('[data-path="' + x.path + '"]');
      let value = d;
      for (const k of x.path.split('.')) value = value == null ? undefined : value[k];
      if (x.kind === 'check') el.checked = !!value;
      else if (value === undefined || value === null) el.value = '';
      else if (x.kind === 'euros') el.value = String(value / 100);
      else if (x.kind === 'list') el.value = value.join(', ');
      else el.value = String(value);
    }
  }

  /* ---- national figures the accord does not give: typed in, prefilled with the shipped example */

  const NATIONAL = {
    medical: ['national.taux_css', 'national.taux_ame'],
    polyvalent: ['national.taux_css', 'national.taux_ame', 'national.taux_css.infirmier', 'national.taux_ame.infirmier',
      'national.taux_css.dentaire', 'national.taux_ame.dentaire'],
    infirmier: ['national.taux_css.infirmier', 'national.taux_ame.infirmier'],
    dentaire: ['national.taux_css.dentaire', 'national.taux_ame.dentaire'],
  };
  let shipped = {};
  function buildNational(type, keep) {
    const list = $('national-list');
    const before = {};
    for (const el of list.querySelectorAll('input')) before[el.name] = el.value;
    list.replaceChildren();
    for (const id of NATIONAL[type]) {
      const known = shipped[id];
      const label = document.createElement('label');
      const el = document.createElement('input');
      el.type = 'number';
      el.min = '0';
      el.max = '100';
      el.step = 'any';
      el.inputMode = 'decimal';
      el.name = id;
      el.dataset.param = id;
      el.value = keep && id in keep ? keep[id] : id in before ? before[id] : known ? String(percent(Number(known.value))) : '';
      const mark = document.createElement('span');
      mark.className = 'confirm';
      mark.textContent = known ? ' — exemple ' + known.year + ', à confirmer' : ' — aucune valeur livrée';
      label.append((known ? known.label : id) + ' (%)', mark, ' ', el);
      list.append(label);
    }
  }

  function nationalParameters(v) {
    const parameters = [];
    for (const el of $('national-list').querySelectorAll('input')) {
      if (el.value === '') continue;
      const known = shipped[el.name];
      parameters.push({ id: el.name, label: known ? known.label : el.name, unit: 'rate',
        values: [{ from: v.year + '-01-01', to: v.year + '-12-31', value: String(pct(Number(el.value))),
          cite: { doc: 'saisie', article: 'Art. 15.6.4', quote: 'part calculée au niveau national (actualisés tous les ans)' } }] });
    }
    return { ancre_params: 1, parameters };
  }

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
    const h = document.createElement('h2');
    h.className = 'group';
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
  /* the years offered are those the engine computes for the type (GET v1/rules answers them) */
  const yearCache = {};
  async function yearsOf(type) {
    if (!yearCache[type]) {
      yearCache[type] = Promise.all([2020, 2021, 2022, 2023, 2024, 2025].map((y) =>
        api('v1/rules?type=' + type + '&year=' + y).then((r) => (r.ok ? y : null)).catch(() => null)))
        .then((ys) => ys.filter((y) => y !== null));
    }
    return yearCache[type];
  }
  async function setYears(type, wanted) {
    const years = await yearsOf(type);
    const current = String(wanted || yearSelect.value || '2023');
    yearSelect.replaceChildren();
    for (const y of years) {
      const o = document.createElement('option');
      o.value = o.textContent = String(y);
      yearSelect.append(o);
    }
    yearSelect.value = years.map(String).includes(current) ? current : String(years.includes(2023) ? 2023 : years[years.length - 1]);
  }

  /* ---- reading the form ----------------------------------------------------------------------- */

  function values() {
    const v = {};
    for (const el of form.elements) {
      if (!el.name || el.dataset.path || el.dataset.param || el.type === 'file') continue;
      if (el.type === 'checkbox') v[el.name] = el.checked;
      else if (el.type === 'number') v[el.name] = el.value === '' ? undefined : Number(el.value); /* empty: non renseigné, never 0 */
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
    for (const e of ENTRIES) {
      if (!applies(e, v.type) || (only && only !== e)) continue;
      try {
        mergeInto(out, e.decl(v, P));
      } catch (err) {
        /* a threshold not in force that year: the indicator is not in that year's grid */
      }
    }
    return out;
  }

  /* drops what was not filled in (undefined, or a computation on it): the engine then names each
   * value it needs as "non renseigné" */
  function prune(o) {
    for (const [k, x] of Object.entries(o)) {
      if (x === undefined || (typeof x === 'number' && !Number.isFinite(x))) delete o[k];
      else if (x && typeof x === 'object' && !Array.isArray(x)) prune(x);
    }
    return o;
  }

  function declaration(v, P) {
    const d = extraInto(prune(declarationOf(v, P)));
    d.__unfilled = [...form.querySelectorAll('.med-only input[type="number"], #situation > fieldset:first-of-type input[type="number"]')]
      .filter((el) => el.value === '' && !el.closest('[hidden]')).map((el) => fieldName(el)).filter(Boolean);
    return d;
  }

  function declarationOf(v, P) {
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
      paramCache[year] = api('v1/parameters?date=' + year + '-12-31')
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
    const r = await api('v1/declarations/' + encodeURIComponent(finess) + '/' + year);
    if (!r.ok) return;
    await fillDeclaration(await r.json());
  }

  /* a declaration (of the store, or imported from a file) into the form */
  async function fillDeclaration(d) {
    const c = d.centre || {}, st = d.staff || {}, pa = d.patients || {}, ac = d.activity || {}, pay = d.payments || {};
    fill({ name: c.name || '', type: c.type, adhesion_date: c.adhesion_date,
      previous_year_eur: (pay.previous_year_amount_cents || 0) / 100 });
    await typeChanged(d.year);
    if (generatedType(c.type)) {
      fillGenerated(d);
      schedule();
      return;
    }
    const general = ['n_ps_salaries', 'etp_ps', 'etp_mg', 'etp_medicaux', 'etp_paramedicaux', 'etp_infirmiers',
      'etp_sages_femmes', 'n_ipa_salaries', 'etp_dentistes'];
    fillExtra(d);
    /* a value the declaration does not give stays empty (« non renseigné »), never 0 */
    for (const k of general) fill({ [k]: st[k] ?? '' });
    for (const k of ['n_mt_31_12', 'n_ame_2_soins_mg', 'n_mt_ald_or_over75', 'file_active_mg', 'n_css_fa', 'n_ame_fa',
      'n_patients_nursing', 'n_patients_dental']) fill({ [k]: pa[k] ?? '' });
    fill({ taux_ald_inval_nursing_pct: pa.taux_ald_inval_nursing === undefined ? '' : percent(pa.taux_ald_inval_nursing),
      fees_total: ac.fees_total ?? '', fees_dental: ac.fees_dental ?? '' });
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
    const r = await api('v1/centres');
    if (!r.ok) return; /* no store: the control stays hidden */
    const centres = await r.json();
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
    /* a negative balance is a sum the centre pays back */
    o.textContent = cents < 0 ? euros(-cents) + ' à rembourser' : euros(cents);
    o.classList.toggle('negative', cents < 0);
  }

  function showErrors(errors) {
    const box = $('errors');
    box.hidden = false;
    box.replaceChildren();
    const h = document.createElement('strong');
    h.textContent = 'La situation ne peut pas être calculée :';
    const ul = document.createElement('ul');
    let first = null;
    for (const e of errors) {
      const li = document.createElement('li');
      const field = fieldOf(e.path);
      const name = field ? fieldName(field) : null;
      const national = /^national\./.test(e.path || '') ? $('national-list').querySelector('[name="' + e.path + '"]') : null;
      let text = plain(e.message, e.path, name);
      if (national || (e.rule === 'params' && /^national\./.test(e.path))) {
        const m = /nécessaire (?:pour|à) ([\w.]+)/.exec(e.message);
        text = 'La ligne « ' + lineLabel(m ? m[1] : '') + ' » attend le chiffre national « ' +
          (shipped[e.path] ? shipped[e.path].label : e.path) + ' » : saisissez-le dans « Chiffres nationaux de l’année ».';
      }
      li.textContent = text + (e.rule && e.rule !== 'schema' && e.rule !== 'params' && e.rule !== 'json' ? ' (' + e.rule + ')' : '');
      ul.append(li);
      const target = field || national;
      if (target) {
        target.setAttribute('aria-invalid', 'true');
        const note = document.createElement('p');
        note.className = 'field-error';
        note.id = 'err-' + Math.random().toString(36).slice(2);
        note.textContent = text;
        target.closest('label').after(note);
        target.setAttribute('aria-describedby', note.id);
        if (!first) first = target;
      }
    }
    box.append(h, ul);
    $('status').textContent = 'Erreur de saisie : le résultat affiché n’est plus à jour';
    $('status').className = 'status bad';
    $('results').classList.add('stale');
    $('mobile-amount').textContent = $('mobile-balance').textContent = '—';
    for (const id of ['total', 'advance', 'balance']) {
      $(id).textContent = '—';
      $(id).dataset.cents = '';
    }
    if (first && window.innerWidth < 960) first.scrollIntoView({ block: 'center' });
  }

  function clearFieldErrors() {
    for (const n of form.querySelectorAll('.field-error')) n.remove();
    for (const el of form.querySelectorAll('[aria-invalid]')) {
      el.removeAttribute('aria-invalid');
      el.removeAttribute('aria-describedby');
    }
  }

  /* the form field of a declaration path: a generated field, or one of the fixed form */
  const FIXED = { 'centre.name': 'name', 'centre.adhesion_date': 'adhesion_date', 'year': 'year',
    'payments.previous_year_amount_cents': 'previous_year_eur', 'patients.taux_ald_inval_nursing': 'taux_ald_inval_nursing_pct' };
  function fieldOf(path) {
    if (!path) return null;
    const gen = form.querySelector('[data-path="' + path + '"]');
    if (gen) return gen;
    const name = FIXED[path] || (/^(staff|patients|activity)\.(\w+)$/.exec(path) || [])[2];
    return name && form.elements[name] instanceof HTMLElement ? form.elements[name] : null;
  }
  function fieldName(el) {
    const label = el.closest('label');
    if (!label) return null;
    return [...label.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join(' ').trim();
  }
  /* an engine message without its field path: the field's own words instead */
  function plain(message, path, name) {
    let text = path && name ? message.split(path).join('« ' + name + ' »') : message;
    text = text.replace(/\b(?:staff|patients|activity|centre|payments|indicators)\.[\w.]+/g, (p) => {
      const el = fieldOf(p);
      const n = el ? fieldName(el) : null;
      return n ? '« ' + n + ' »' : p;
    });
    return text;
  }
  let lastLines = {};
  const lineLabel = (id) => (lastLines[id] ? lastLines[id].label : id);

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

  function citation(l) {
    /* the passage of the accord behind the line: article, line of the consolidated text and the
     * words of each parameter it used */
    const d = document.createElement('details');
    d.className = 'cite';
    const sm = document.createElement('summary');
    sm.textContent = l.article;
    d.append(sm);
    const seen = new Set();
    for (const p of l.parameters || []) {
      const c = p.cite || {};
      if (!c.quote || seen.has(c.article + c.line + c.quote)) continue;
      seen.add(c.article + c.line + c.quote);
      const q = document.createElement('blockquote');
      q.textContent = (c.article || '') + (c.doc === '000' && c.line ? ', accord consolidé ligne ' + c.line : '') + ' : « ' + c.quote + ' »';
      d.append(q);
    }
    if (!seen.size) {
      const q = document.createElement('blockquote');
      q.textContent = 'Pas de passage cité pour cette ligne.';
      d.append(q);
    }
    return d;
  }

  let lastResult = null;
  function show(res) {
    lastResult = res;
    $('results').classList.remove('stale');
    $('errors').hidden = true;
    $('status').textContent = 'Calculé pour ' + res.year;
    $('status').className = 'status ok';
    setFigure('total', res.total_cents);
    setFigure('advance', res.advance_cents || 0);
    setFigure('balance', res.balance_cents || 0);
    $('mobile-amount').textContent = euros(res.total_cents);
    $('mobile-balance').textContent = (res.balance_cents || 0) < 0 ? euros(-res.balance_cents) + ' à rembourser' : euros(res.balance_cents || 0);
    const byId = Object.fromEntries(res.lines.map((l) => [l.id, l]));
    lastLines = byId;
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
      gate.append(p);
      const why = document.createElement('p');
      why.className = 'reason engine-text';
      why.textContent = res.gate.reason; /* the engine's explanation, derogations included */
      gate.append(why);
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
        if (i === 1) td.append(citation(l));
        else td.textContent = text;
        td.dataset.label = ['Indicateur', 'Article', 'État', 'Points', 'Montant'][i];
        if (i >= 3) td.className = 'num';
        if (i === 2 && l.note) {
          /* the reason behind the status, as text (a tooltip is out of reach on a phone) */
          const why = document.createElement('span');
          why.className = 'reason engine-text';
          why.textContent = l.note;
          td.append(why);
        }
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
      const due = p.due ? p.due.split('-').reverse().join('/') : '';
      li.textContent = due + ' — ' + p.label + ' (' + p.article + ') : ' +
        (p.amount_cents < 0 ? euros(-p.amount_cents) + ' à rembourser' : euros(p.amount_cents));
      pay.append(li);
    }
    $('notes').textContent = (res.notes || []).join(' · ');
    $('notes').classList.add('engine-text');
    const unfilled = currentDecl && currentDecl.__unfilled ? currentDecl.__unfilled : [];
    if (unfilled.length) $('notes').textContent += (res.notes && res.notes.length ? ' · ' : '') +
      'Non renseigné (laissé de côté, non compté comme zéro) : ' + unfilled.join(', ') + '.';
    $('print-title').textContent = 'Résultat ' + res.year + ' — ' + (res.centre && res.centre.name ? res.centre.name : 'centre');
  }
  let currentDecl = null;

  /* the patch that meets every prerequisite not met (the gate of Art. 12) */
  function gatePatch(v, P, res) {
    if (!res.gate || res.gate.triggered) return null;
    const missing = (res.gate.prerequisites || []).filter((p) => !p.met).map((p) => p.id);
    if (!missing.length) return null;
    if (generatedType(v.type)) {
      const ind = {};
      for (const id of missing) {
        ind[id] = {};
        for (const f of schema) if (f.type === 'boolean' && f.path.startsWith('indicators.' + id + '.')) ind[id][f.path.split('.').pop()] = true;
      }
      return { missing, patch: { indicators: ind } };
    }
    let changed = { ...v };
    for (const e of ENTRIES) if (e.socle && e.lines.some((id) => missing.includes(id)))
      for (const spec of e.inputs) if (spec.kind === 'check') changed[spec.name] = true;
    return { missing, patch: { indicators: indicators(changed, P) } };
  }

  function assumption(e, changed) {
    const parts = [];
    for (const spec of e.inputs) {
      if (!(spec.name in changed)) continue;
      const val = changed[spec.name];
      parts.push(spec.label + (typeof val === 'boolean' ? '' : ' : ' + pts.format(val)));
    }
    return parts.length ? 'objectif supposé : ' + parts.join(' ; ') : '';
  }

  async function showOpportunities(v, P, decl, seq, res, parameters) {
    const variants = [];
    const gp = gatePatch(v, P, res);
    if (gp) variants.push({ id: '__gate', patch: gp.patch });
    const assumed = {};
    for (const e of generatedType(v.type) ? [] : ENTRIES) {
      if (e.socle || !e.achieve || !applies(e, v.type)) continue;
      let changed;
      try {
        changed = e.achieve(v, P);
      } catch (err) {
        continue; /* a threshold not in force that year: the indicator is not in the grid */
      }
      if (!Object.keys(changed).some((k) => changed[k] !== v[k])) continue;
      assumed[e.id] = assumption(e, changed);
      variants.push({ id: e.id, patch: { indicators: indicators({ ...v, ...changed }, P, e) } });
    }
    const r = await api('v1/whatif', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ declaration: decl, variants, parameters }) });
    if (seq !== sequence) return;
    const ol = $('opportunities');
    ol.replaceChildren();
    if (!r.ok) return;
    const answer = await r.json();
    const gate = answer.variants.find((x) => x.id === '__gate');
    if (gate && gate.delta_cents > 0) {
      const li = document.createElement('li');
      li.dataset.entry = 'gate';
      li.dataset.cents = String(gate.delta_cents);
      const names = gp.missing.map((id) => (lastLines[id] ? lastLines[id].label : id)).join(', ');
      li.append('Remplir d’abord les prérequis manquants (' + names + ', Art. 12) : le forfait est alors versé en entier ',
        Object.assign(document.createElement('strong'), { textContent: '+' + euros(gate.delta_cents) }),
        ' (objectif supposé : chaque engagement de ces prérequis tenu)');
      ol.append(li);
    }
    const gains = answer.variants.filter((x) => x.id !== '__gate' && x.delta_cents > 0).sort((a, b) => b.delta_cents - a.delta_cents);
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
      if (assumed[g.id]) li.append(' (' + assumed[g.id] + ')');
      ol.append(li);
    }
    if (!gains.length && !(gate && gate.delta_cents > 0))
      ol.appendChild(document.createElement('li')).textContent = generatedType(v.type) ? 'Aucune proposition calculée pour ce type de centre en dehors des prérequis.'
        : 'Aucun indicateur optionnel supplémentaire ne changerait le montant.';
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
      decl = generatedType(v.type) ? generatedDeclaration(v) : declaration(v, P);
    } catch (err) {
      showErrors([{ message: err.message, rule: '' }]);
      document.body.dataset.ready = String(seq);
      return;
    }
    currentDecl = decl;
    const sent = { ...decl };
    delete sent.__unfilled;
    const parameters = nationalParameters(v);
    save();
    $('status').textContent = 'Calcul…';
    const r = await api('v1/compute', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ declaration: sent, parameters }) });
    if (seq !== sequence) return;
    const body = await r.json();
    if (seq !== sequence) return;
    clearFieldErrors();
    if (!r.ok) {
      showErrors(body.errors || [{ message: 'Erreur ' + r.status }]);
      $('opportunities').replaceChildren();
      document.body.dataset.ready = String(seq);
      return;
    }
    show(body);
    await showOpportunities(v, P, sent, seq, body, parameters);
    if (seq === sequence) document.body.dataset.ready = String(seq);
  }

  function schedule() {
    clearTimeout(timer);
    sequence++; /* an answer to an earlier state of the form is no longer shown */
    document.body.dataset.ready = '';
    timer = setTimeout(update, 120);
  }
  /* ---- keeping the situation: page address, storage, files, print ---------------------------- */

  function state() {
    const st = {};
    for (const el of form.elements) {
      if (!el.name || el.type === 'file') continue;
      st[el.name] = el.type === 'checkbox' ? el.checked : el.value;
    }
    return st;
  }
  function save() {
    const text = JSON.stringify(state());
    try {
      localStorage.setItem('ancre-simulateur', text);
    } catch (err) {
      /* storage refused (private browsing): the address still holds the situation */
    }
    history.replaceState(null, '', '#s=' + encodeURIComponent(text));
  }
  function restore(st) {
    for (const [name, value] of Object.entries(st)) {
      const el = form.elements[name];
      if (!el || !(el instanceof HTMLElement)) continue;
      if (el.type === 'checkbox') el.checked = !!value;
      else el.value = String(value);
    }
  }
  function saved() {
    const m = /^#s=(.*)$/.exec(location.hash);
    try {
      if (m) return JSON.parse(decodeURIComponent(m[1]));
      const text = localStorage.getItem('ancre-simulateur');
      return text ? JSON.parse(text) : null;
    } catch (err) {
      return null;
    }
  }

  function download(name, type, text) {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([text], { type }));
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
  }
  const fileBase = () => 'ancre-' + form.elements.type.value + '-' + yearSelect.value;
  $('export-decl').addEventListener('click', () => {
    if (!currentDecl) return;
    const d = { ...currentDecl };
    delete d.__unfilled;
    download(fileBase() + '-declaration.json', 'application/json', JSON.stringify(d, null, 2) + '\n');
  });
  $('export-json').addEventListener('click', () => {
    if (lastResult) download(fileBase() + '-resultat.json', 'application/json', JSON.stringify(lastResult, null, 2) + '\n');
  });
  const csvCell = (x) => (/[;"\n]/.test(String(x)) ? '"' + String(x).replace(/"/g, '""') + '"' : String(x));
  const frNumber = (x) => String(x).replace('.', ',');
  $('export-csv').addEventListener('click', () => {
    if (!lastResult) return;
    const rows = [['ligne', 'libellé', 'article', 'état', 'points', 'montant (€)', 'motif']];
    for (const l of lastResult.lines)
      rows.push([l.id, l.label, l.article, STATUS[l.status] || l.status, frNumber(l.points), frNumber((l.amount_cents / 100).toFixed(2)), l.note || '']);
    rows.push(['total', 'Montant de l’année', '', '', '', frNumber((lastResult.total_cents / 100).toFixed(2)), '']);
    download(fileBase() + '-resultat.csv', 'text/csv', '\ufeff' + rows.map((r) => r.map(csvCell).join(';')).join('\r\n') + '\r\n');
  });
  $('import').addEventListener('change', async (ev) => {
    const file = ev.target.files[0];
    if (!file) return;
    sequence++; /* the result shown is that of the form before the import */
    document.body.dataset.ready = '';
    try {
      await fillDeclaration(JSON.parse(await file.text()));
    } catch (err) {
      showErrors([{ message: 'Le fichier « ' + file.name + ' » n’est pas une déclaration JSON lisible.', rule: '' }]);
    }
    ev.target.value = '';
  });
  $('print').addEventListener('click', () => window.print());

  async function typeChanged(year) {
    const type = form.elements.type.value;
    for (const el of document.querySelectorAll('.med-only')) el.hidden = generatedType(type);
    const before = generatedType(type) && $('generated').dataset.type === type;
    if (!before) {
      buildGenerated(type);
      $('generated').dataset.type = generatedType(type) ? type : '';
    }
    $('generated').hidden = !generatedType(type);
    buildNational(type);
    await setYears(type, year);
  }

  form.addEventListener('input', (ev) => {
    if (ev.target.type !== 'file') schedule();
  });
  form.addEventListener('change', async (ev) => {
    if (ev.target.type === 'file') return;
    document.body.dataset.ready = '';
    if (ev.target.name === 'type') await typeChanged();
    schedule();
  });
  form.addEventListener('submit', (ev) => ev.preventDefault());

  (async () => {
    const [sc, nat] = await Promise.all([
      api('v1/schema').then((r) => (r.ok ? r.json() : [])).catch(() => []),
      api('national-2023.json').then((r) => (r.ok ? r.json() : { parameters: [] })).catch(() => ({ parameters: [] })),
    ]);
    schema = sc;
    buildExtra();
    for (const p of nat.parameters || []) {
      const val = p.values && p.values[p.values.length - 1];
      if (val) shipped[p.id] = { label: p.label, value: val.value, year: val.from.slice(0, 4) };
    }
    const st = saved();
    if (st && st.type) form.elements.type.value = st.type;
    await typeChanged(st ? st.year : undefined);
    if (st) {
      restore(st);
      buildNational(form.elements.type.value, st);
    }
    listStored();
    update();
  })();
})();
