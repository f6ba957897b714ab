import type { BindStrings } from '../vi-strings.js';

/** The binding's words in English: they load with the on-demand UI, so Vietnamese pages never carry them. */
export const EN_BIND_STRINGS: BindStrings = {
    sources: {
      population: 'the national population database',
      results: 'the national store of earlier results',
      personal: 'your personal data store',
      business: 'the national business register',
    },
    from: 'From {source}',
    updated: ', updated {date}',
    locked: '. Verified; no need to change it.',
    wrong: 'Is this wrong?',
    conflict: 'The sources disagree ({count}): choose the right value',
    disputed: '. You reported this as wrong.',
    loading: 'Getting what the state already holds about you…',
    failed: 'Could not get data from {source}. You can still type it in.',
    reused: 'No upload needed: {title} is already on record.',
    documents: '{count} documents on record would do: choose one instead of uploading',
    dismiss: 'Close the notice',
  };
