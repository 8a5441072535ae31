/**
 * The texts rows are made of, built once per catalog entry: JSON columns, values and outputs that a
 * day repeats thousands of times. Rows share these strings instead of building equal ones row after
 * row, and the CSV writer finds their encoded bytes by the hash each string keeps. Bounded by the
 * catalog: every table is keyed by an FAQ (and one of its questions), an event, a page or a dialog
 * step. Column shapes follow what a public client of the real API parses (spec: InteractionRow).
 */
import type { DIALOGS, EVENTS } from './catalog.js';
import { EVENT_IDS, type Faq, topicOf } from './catalog.js';
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

/** What a row with no recognition details in it says: none of its words matched an entity. */
export const NO_ENTITY_MATCHES = JSON.stringify({ entityMatches: [] });

/** How a question was recognised: the RecognitionType and RecognitionDetails of its rows. */
export interface Recognition {
  type: 'Faq' | 'Entity Recognition';
  details: string;
}

/** The word of a question an entity matched: its longest word, lower case. */
function matchedWord(question: string): string {
  const words = question.toLowerCase().match(/\p{L}+/gu) ?? [];
  return words.reduce((longest, w) => (w.length > longest.length ? w : longest), '');
}

/** What an FAQ article puts in the rows that show it. */
export interface FaqTexts {
  /** `["qa-<articleId>"]`. */
  articleIds: string;
  /** `{"qa":[{"articleId","categories":[{"name"}]}]}`. */
  articles: string;
  /** `[<articleId>]`: the FAQs a search found. */
  faqsFound: string;
  generativeAISources: string;
  /** The first words of its first question, as a search. */
  searchValue: string;
  /** Its answer, summarised by generative AI. */
  summarised: string;
  /** The OutputMetadata of its answer: `{key, value}` pairs configured on the article. */
  metadata: string;
  /** How each of its questions is recognised: the first as the FAQ itself, the others by entity. */
  recognition: (question: string) => Recognition;
}

const faqTexts = new WeakMap<Faq, FaqTexts>();

/** The texts of an FAQ article. */
export function textsOfFaq(faq: Faq): FaqTexts {
  let texts = faqTexts.get(faq);
  if (!texts) {
    const topic = topicOf(faq);
    const recognitions = new Map<string, Recognition>();
    texts = {
      articleIds: JSON.stringify([`qa-${faq.articleId}`]),
      articles: JSON.stringify({
        qa: [{ articleId: faq.articleId, categories: [{ name: topic.category }] }],
      }),
      faqsFound: JSON.stringify([faq.articleId]),
      generativeAISources: JSON.stringify([`kb://articles/${faq.articleId}`]),
      searchValue: (faq.questions[0] ?? faq.title).split(' ').slice(0, 3).join(' '),
      summarised: `${faq.answer} (summarised from our help centre)`,
      metadata: JSON.stringify([
        { key: 'category', value: topic.category },
        { key: 'escalationGroup', value: topic.category === 'Customer service' ? 'live-chat' : 'none' },
      ]),
      recognition: (question) => {
        let recognition = recognitions.get(question);
        if (!recognition) {
          recognition =
            faq.questions.indexOf(question) <= 0
              ? { type: 'Faq', details: NO_ENTITY_MATCHES }
              : {
                  type: 'Entity Recognition',
                  details: JSON.stringify({
                    entityMatches: [
                      {
                        name: `${topic.entity}_1`,
                        match: matchedWord(question),
                        entityId: topic.entityId,
                        displayName: topic.entity,
                      },
                    ],
                  }),
                };
          recognitions.set(question, recognition);
        }
        return recognition;
      },
    };
    faqTexts.set(faq, texts);
  }
  return texts;
}

/** What an event or a dialog step puts in a row: ArticleIds and Articles. */
export interface ContentTexts {
  articleIds: string;
  articles: string;
}

type EventName = (typeof EVENTS)[number];
const eventTexts = new Map<EventName, ContentTexts>();

function eventEntry(event: EventName) {
  return { eventId: EVENT_IDS[event], eventName: event };
}

/** The texts of an event: `["e-<eventId>"]` and `{"event":[{"eventId","eventName"}]}`. */
export function textsOfEvent(event: EventName): ContentTexts {
  let texts = eventTexts.get(event);
  if (!texts) {
    texts = {
      articleIds: JSON.stringify([`e-${EVENT_IDS[event]}`]),
      articles: JSON.stringify({ event: [eventEntry(event)] }),
    };
    eventTexts.set(event, texts);
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

/** A dialog of the catalog: its name, content id, steps and the node id of each step. */
type Dialog = (typeof DIALOGS)[number];

/** What a dialog step puts in a row: DialogPaths, ArticleIds, Articles and the bot's output. */
export interface StepTexts extends ContentTexts {
  path: string;
  output: string;
}

const dialogTexts = new Map<string, StepTexts>();

/**
 * The texts of a dialog at a step (index into its steps), with the event that started it if any.
 * DialogPaths is `{"EndedOrInProgress":"<dialogId>:<node>/<node>/…"}`, the nodes walked to this
 * step; `DropOut` instead when the user left the dialog there. ArticleIds names the step's node as
 * `dn-<dialogId>-<nodeId>`, after the event's `e-<eventId>`.
 */
export function textsOfStep(dialog: Dialog, step: number, dropOut = false, event?: EventName): StepTexts {
  const key = `${dialog.id}/${step}/${dropOut ? 1 : 0}/${event ?? ''}`;
  let texts = dialogTexts.get(key);
  if (!texts) {
    const nodeId = dialog.nodeIds[step] ?? dialog.nodeIds[0];
    const name = dialog.steps[step] ?? dialog.steps[0];
    const walked = dialog.nodeIds.slice(0, step + 1).join('/');
    const entry = { dialogId: dialog.id, dialogName: dialog.name, nodeId, nodeName: name };
    const ids = [`dn-${dialog.id}-${nodeId}`];
    texts = {
      path: JSON.stringify({ [dropOut ? 'DropOut' : 'EndedOrInProgress']: `${dialog.id}:${walked}` }),
      articleIds: JSON.stringify(event ? [`e-${EVENT_IDS[event]}`, ...ids] : ids),
      articles: JSON.stringify(event ? { dialog: [entry], event: [eventEntry(event)] } : { dialog: [entry] }),
      output: `(${dialog.name}) ${name}`,
    };
    dialogTexts.set(key, texts);
  }
  return texts;
}

/** The FeedbackInfo JSON of a thumbs up or down on the interaction it rates. */
export function feedbackInfo(positive: boolean, ratedUuid: string | null): string {
  return JSON.stringify(
    positive
      ? { score: 1, originatingInteractionId: ratedUuid }
      : { score: -1, comment: 'Not what I asked', originatingInteractionId: ratedUuid },
  );
}
