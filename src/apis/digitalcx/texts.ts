/**
 * The texts rows are made of, built once per catalog entry: JSON columns, values and outputs that a
 * day repeats thousands of times. Rows share these strings instead of building equal ones row after
 * row, and the CSV writer finds their encoded bytes by the hash each string keeps. Bounded by the
 * catalog: every table is keyed by an FAQ, a page, a dialog step or a quality in thousandths.
 */
import type { Faq } from './catalog.js';
import { type InteractionType, maskOf } from './interaction-types.js';

/** A list of interaction types and its flags, shared by every row of that combination. */
export interface TypeList {
  types: readonly InteractionType[];
  mask: number;
}

function typeList(...types: InteractionType[]): TypeList {
  return { types: Object.freeze(types), mask: maskOf(types) };
}

/** The lists drafts use: one type, or an event that starts a dialog, or a QA answered with AI. */
export const TYPE_LISTS = {
  Event: typeList('Event'),
  EventDialog: typeList('Event', 'Dialog'),
  DataRetrieval: typeList('DataRetrieval'),
  QA: typeList('QA'),
  QAGenerative: typeList('QA', 'GenerativeAI'),
  FaqClick: typeList('FaqClick'),
  FaqSearch: typeList('FaqSearch'),
  Dialog: typeList('Dialog'),
  TransactionalDialog: typeList('TransactionalDialog'),
  LinkClick: typeList('LinkClick'),
  Feedback: typeList('Feedback'),
} as const;

/** Qualities are whole thousandths: k / 1000 for k from 0 to 1000. */
const THOUSANDTHS = 1001;

/** The thousandths of a quality when it is exactly k / 1000, else -1. */
function thousandths(quality: number): number {
  const k = Math.round(quality * 1000);
  return k >= 0 && k < THOUSANDTHS && k / 1000 === quality ? k : -1;
}

/** A table of texts by quality: built on first use, or built directly for a quality off the grid. */
function byQuality(make: (quality: number) => string): (quality: number) => string {
  const table: (string | undefined)[] = [];
  return (quality) => {
    const k = thousandths(quality);
    if (k < 0) return make(quality);
    let text = table[k];
    if (text === undefined) {
      text = make(quality);
      table[k] = text;
    }
    return text;
  };
}

/** The RecognitionDetails JSON of a recognition quality. */
export const recognitionDetails = byQuality((score) => JSON.stringify({ model: 'nlu-v3', score }));

/** What an FAQ article puts in the rows that show it. */
export interface FaqTexts {
  articleIds: string;
  articles: string;
  generativeAISources: string;
  /** The first words of its first question, as a search. */
  searchValue: string;
  /** Its answer, summarised by generative AI. */
  summarised: string;
  /** The OutputMetadata JSON of an answer with this confidence. */
  metadata: (confidence: number) => string;
}

const faqTexts = new WeakMap<Faq, FaqTexts>();

/** The texts of an FAQ article. */
export function textsOfFaq(faq: Faq): FaqTexts {
  let texts = faqTexts.get(faq);
  if (!texts) {
    texts = {
      articleIds: JSON.stringify([faq.articleId]),
      articles: JSON.stringify([{ id: faq.articleId, title: faq.title }]),
      generativeAISources: JSON.stringify([`kb://articles/${faq.articleId}`]),
      searchValue: (faq.questions[0] ?? faq.title).split(' ').slice(0, 3).join(' '),
      summarised: `${faq.answer} (summarised from our help centre)`,
      metadata: byQuality((confidence) => JSON.stringify({ articleId: faq.articleId, confidence })),
    };
    faqTexts.set(faq, texts);
  }
  return texts;
}

/** What a page of the customer's site puts in the rows of its sessions. */
export interface PageTexts {
  /** The page's full URL (a link click's value). */
  url: string;
  contexts: string;
  pages: string;
  /** The LinkclickInfo JSON of a click to this page, labelled with an FAQ's title. */
  linkclick: (faq: Faq) => string;
}

const pageTexts = new Map<string, PageTexts>();

/** The texts of a page (a path of the catalog's PAGES). */
export function textsOfPage(page: string): PageTexts {
  let texts = pageTexts.get(page);
  if (!texts) {
    const url = `https://www.example-shop.com${page}`;
    const clicks = new WeakMap<Faq, string>();
    texts = {
      url,
      contexts: JSON.stringify([
        { name: 'page', value: page },
        { name: 'channel', value: 'web' },
      ]),
      pages: JSON.stringify([page]),
      linkclick: (faq) => {
        let click = clicks.get(faq);
        if (click === undefined) {
          click = JSON.stringify({ url, label: faq.title });
          clicks.set(faq, click);
        }
        return click;
      },
    };
    pageTexts.set(page, texts);
  }
  return texts;
}

/** A dialog of the catalog: its name and steps. */
interface Dialog {
  name: string;
  steps: readonly string[];
}

/** What a dialog step puts in a row: the DialogPaths JSON and the bot's output. */
export interface StepTexts {
  path: string;
  output: string;
}

const dialogTexts = new WeakMap<Dialog, Map<string, StepTexts>>();

/** The texts of a dialog at a step (`start`: the path of an event that starts it; no output). */
export function textsOfStep(dialog: Dialog, step: string): StepTexts {
  let steps = dialogTexts.get(dialog);
  if (!steps) {
    steps = new Map();
    dialogTexts.set(dialog, steps);
  }
  let texts = steps.get(step);
  if (!texts) {
    texts = { path: JSON.stringify([`${dialog.name}/${step}`]), output: `(${dialog.name}) ${step}` };
    steps.set(step, texts);
  }
  return texts;
}

/** The FeedbackInfo JSON of a thumbs up and a thumbs down. */
export const FEEDBACK = {
  positive: JSON.stringify({ score: 1, comment: '' }),
  negative: JSON.stringify({ score: -1, comment: 'Not what I asked' }),
} as const;
