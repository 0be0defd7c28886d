/* The contracts and aids of Article 19 of the accord (demographic contracts, assistant médical,
 * IPA aids, conventionnement regulation): each contract described in the declaration gives a
 * schedule of dated payments, recoveries and decisions over its whole life.
 *
 * One file per family: contracts_installation.c (one-off installation aids), contracts_annual.c
 * (yearly forfaits paid in arrears), contracts_am.c (assistant médical), contracts_ipa.c (IPA
 * aids), contracts_regulation.c (conventionnement), contracts_common.c (periods, ETP, lines,
 * non-cumul, entry points).  docs/contracts.md describes them. */
#ifndef ANCRE_CONTRACTS_H
#define ANCRE_CONTRACTS_H

#include "../core/engine.h"

typedef struct {
    eng_t *e;
    const ancre_decl *c; /* the contract element */
    char base[64];       /* its path: contracts[0] */
    char id[64];         /* its name in line ids */
    const char *type;
    char prefix[96]; /* parameter prefix: contracts.<type> */
    date_t sign;
    date_t natural_end; /* exclusive: signature + duration (+ renewals) */
    date_t end;         /* exclusive: natural end or date of effect of a termination */
    bool terminated;
    date_t term_date; /* receipt of the termination letter */
    const char *term_kind;
    bool term_breach;
} contract_t;

/* ---- element fields (recorded as inputs of the current line) ---- */
const decl_value *c_get(contract_t *ct, const char *path);
bool c_flag(contract_t *ct, const char *path);
q_t c_num(contract_t *ct, const char *path, bool *present);
const char *c_text(contract_t *ct, const char *path);
size_t c_items(const ancre_decl *c, const char *path, ancre_decl *const **items);
const decl_value *item_get(const ancre_decl *item, const char *path);

/* ---- ETP ---- */
/* professions as a mask of bits, posts as a mask of bits */
enum {
    P_GP = 1,
    P_DOCTOR = 2,
    P_DENTIST = 4,
    P_NURSE = 8,
    P_IPA = 16,
    P_SF = 32,
    P_MK = 64,
    P_ORTHO = 128,
    P_OTHER = 256
};
enum { POST_EXISTING = 1, POST_NEW = 2, POST_REPLACEMENT = 4, POST_ANY = 7 };
/* ETP at a date of the professions and posts given; need_underserved: only the elements marked
 * under-served for their profession. */
q_t etp_at(contract_t *ct, date_t d, unsigned profs, unsigned posts, bool need_underserved);
/* Σ ETP × days over [a, b): the ETP-days of the period. */
q_t etp_days(contract_t *ct, date_t a, date_t b, unsigned profs, unsigned posts,
             bool need_underserved);

/* ---- the contracts' calendar (dates: core/date.h) ---- */
date_t quarter_end(int year, int quarter);
date_t first_june30_from(date_t d); /* the first 30 June on or after d */
/* contract years elapsed from the signature to t: k + (t - anniversary k) / (length of year k) */
q_t years_elapsed(const contract_t *ct, date_t t);

/* ---- parameters of the contract, in force at its signature ---- */
q_t cpar(contract_t *ct, const char *name);         /* contracts.<type>.<name> */
bool cpar_exists(contract_t *ct, const char *name); /* in force and not null */
/* Integer parameters within [lo, hi] (lo >= 0); -1, the error recorded, otherwise. */
int cpar_int(contract_t *ct, const char *name, int lo, int hi);

/* ---- French formats for the notes and errors people read ---- */
/* 1 234,56 (at most `digits` decimals, exact when they suffice) */
void fr_decimal(q_t v, int digits, char *buf, size_t cap);
void fr_date(date_t d, char *buf, size_t cap); /* 30/04/2024 */

/* ---- schedule lines ---- */
/* Opens a line "<id>.<suffix>" that receives the trace of what follows. */
line_t *sched_open(contract_t *ct, const char *suffix, const char *label, const char *article,
                   const char *kind);
/* Prices it: base × factor euros, rounded once to the cent, due on `due` (NULL: no date). */
int64_t sched_close(contract_t *ct, line_t *l, const date_t *due, q_t base, q_t factor,
                    line_status st);
void sched_note(contract_t *ct, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Sets the label of a line once the parameters it shows are read (« 50 % à la signature »). */
void sched_label(line_t *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A payment due on or after the end of the contract is not made. */
bool paid_before_end(const contract_t *ct, date_t due);
/* the regional majoration (ARS) factor 1 + uplift, traced */
q_t uplift_factor(contract_t *ct);
void zone_change_notes(contract_t *ct, const char *article);
/* records the termination (kind, receipt, effect) as an input of the current line */
void termination_input(contract_t *ct);

/* The base of a recovery: the payments actually received before the end (the list `received`)
 * when the document gives them, else what the schedule paid; traced on the current line. */
int64_t received_or(contract_t *ct, int64_t scheduled);

/* ---- families ---- */
int contracts_installation(contract_t *ct);
int contracts_annual(contract_t *ct);
int contracts_am(contract_t *ct);
int contracts_ipa_demarrage(contract_t *ct);
int contracts_ipa_formation(contract_t *ct);
int contracts_regulation(contract_t *ct);

/* the whole schedule of every contract of the document or declaration */
int contracts_schedule(eng_t *e);
bool contracts_applies(eng_t *e);
int contracts_compute_year(eng_t *e);

#endif
