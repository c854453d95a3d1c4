/**
 * The corpus files the text model is trained on (`npm run model:train`, src/cli/train-model.ts), in one place so a
 * test can check them: every tuning set, and the blind sets RETIRED into training in sessions 11–27 (the ones written in
 * sessions 1–25; nobody read the texts of those of sessions 1–12 or tuned a pattern on them, and blind15–29 were read
 * only after their held-out figures were final, in sessions 14–26). The blind sets written later stay HELD OUT — the
 * trainer never reads them, and they are the estimate of how the product does on text nobody tuned on
 * (test/corpus/README.md, test/corpus-blind.test.ts).
 */

/** The blind sets retired into model training: those of sessions 1–9 in session 11, blind10–12 (sessions 10–11, only
 *  ever read as two overall figures each) in session 12, blind13–14 (session 12, likewise) in session 13, blind15–16 (session 13) in session 14,
 *  blind17–18 (session 14) in session 15, blind19–20 (session 15) in session 16, blind21 (session 16) in session 17, blind22 (session 17) in session 18, blind23 (session 18) in session 19, blind24 (session 19) in session 20, blind25 (session 20) in session 22, blind26 (session 22) in session 23, blind27 (session 23) in session 24, blind28 (session 24) in session 25, blind29 (session 25) in session 26, blind30 (session 26) in session 27. */
export const RETIRED_BLIND_SETS = ['blind', 'blind2', 'blind3', 'blind4', 'blind5', 'blind6', 'blind7', 'blind8', 'blind9', 'blind10', 'blind11', 'blind12', 'blind13', 'blind14', 'blind15', 'blind16', 'blind17', 'blind18', 'blind19', 'blind20', 'blind21', 'blind22', 'blind23', 'blind24', 'blind25', 'blind26', 'blind27', 'blind28', 'blind29', 'blind30'] as const;

/** The tuning sets of each label (test/corpus/README.md); "" is the first one (scam.jsonl, benign.jsonl). */
const SCAM_TUNING_SETS = ['', 'fresh', 'tune3', 'tune4', 'tune6', 'tune7', 'tune9', 'tune10', 'tune11', 'tune12', 'tune13', 'tune15', 'tune16', 'tune17', 'tune18', 'tune19', 'tune20', 'tune21', 'tune22', 'tune23', 'tune24', 'tune25', 'tune27', 'tune28', 'tune29', 'tune30', 'tune32', 'tune33', 'tune34', 'tune35', 'tune36', 'tune37', 'tune38', 'tune39', 'tune40', 'tune41', 'tune42', 'tune43', 'tune44', 'tune45', 'tune46', 'tune47', 'tune48'] as const;
const BENIGN_TUNING_SETS = ['', 'fresh', 'tune3', 'tune4', 'tune5', 'tune7', 'tune8', 'tune9', 'tune10', 'tune11', 'tune12', 'tune13', 'tune14', 'tune15', 'tune16', 'tune17', 'tune18', 'tune19', 'tune20', 'tune21', 'tune22', 'tune23', 'tune24', 'tune25', 'tune26', 'tune27', 'tune28', 'tune29', 'tune30', 'tune31', 'tune32', 'tune33', 'tune34', 'tune35', 'tune36', 'tune37', 'tune38', 'tune39', 'tune40', 'tune41', 'tune42', 'tune43', 'tune44', 'tune45', 'tune46', 'tune47', 'tune48'] as const;

function fileOf(label: 'scam' | 'benign', set: string): string {
  return set === '' ? `${label}.jsonl` : `${label}-${set}.jsonl`;
}

/** The scam files the trainer reads (names in test/corpus). */
export const SCAM_FILES: readonly string[] = [...SCAM_TUNING_SETS, ...RETIRED_BLIND_SETS].map((set) => fileOf('scam', set));
/** The honest files the trainer reads (names in test/corpus), besides the police press release. */
export const BENIGN_FILES: readonly string[] = [...BENIGN_TUNING_SETS, ...RETIRED_BLIND_SETS].map((set) => fileOf('benign', set));
export const PRESS_RELEASE = 'press-release-phu-ly-2022-10-14.txt';
