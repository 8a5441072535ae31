/**
 * The interaction log, generated one hour at a time: every session that starts in an hour and its
 * interactions, in time order. Pure: (seed, project, hour, knobs) → rows.
 */
import type { Knobs } from '../../core/knobs.js';
import { hashFrom, hashState, Rng } from '../../core/rng.js';
import { MS_HOUR } from '../../core/time.js';
import { conversationsInHour } from '../../core/world.js';
import { DIALOGS, EVENTS, FAQS, type Faq, PAGES } from './catalog.js';
import { INTERACTION_FLAGS, type InteractionType } from './interaction-types.js';
import { type Project, tenantOf } from './project.js';
import {
  type ContentTexts,
  feedbackInfo,
  NO_ENTITY_MATCHES,
  TYPE_LISTS,
  type TypeList,
  textsOfEvent,
  textsOfFaq,
  textsOfPage,
  textsOfStep,
} from './texts.js';
import { lazyUserInfo, type UserInfo } from './user-info.js';

/** Where the session was published and how it was opened (not columns: they only filter). */
export type Environment = 'Production' | 'Staging';
export type SessionMode = 'Public' | 'Internal' | 'Test' | 'Monitor';

/** One row of the interaction log, before formatting. */
export interface Interaction {
  logId: number;
  interactionUuid: string;
  originatingInteractionUuid: string | null;
  sessionUuid: string;
  sessionIsActive: boolean;
  timestampStart: number;
  timestampEnd: number;
  culture: string;
  mainInteractionType: InteractionType;
  allInteractionTypes: readonly InteractionType[];
  allMask: number;
  mainMask: number;
  interactionValue: string | null;
  outputText: string | null;
  outputMetadata: string | null;
  articleIds: string;
  dialogPaths: string;
  tDialogStatus: string;
  recognitionType: string;
  recognitionQuality: number | null;
  recognitionDetails: string;
  generativeAISources: string;
  articles: string;
  faqsFound: string;
  contexts: string;
  pages: string;
  linkclickInfo: string;
  feedbackInfo: string;
  /** AdditionalSessionInfo and Variables, drawn on first call (shared by the session's rows). */
  userInfo: () => UserInfo;
  environment: Environment;
  sessionMode: SessionMode;
}

/** Sessions in one hour are capped so that a huge volume knob cannot exhaust memory. */
const MAX_SESSIONS_PER_HOUR = 20_000;
/** LogIds are hour * this + rank: increasing with time, unique per project. */
const LOG_IDS_PER_HOUR = 1_000_000;

const GENERATIVE_AI = INTERACTION_FLAGS.GenerativeAI;

function sessionSetting(rng: Rng): { environment: Environment; sessionMode: SessionMode } {
  // Staging engines get Test sessions, as the vendor doc says they should.
  if (rng.chance(0.08)) return { environment: 'Staging', sessionMode: 'Test' };
  const r = rng.next();
  const sessionMode: SessionMode =
    r < 0.88 ? 'Public' : r < 0.95 ? 'Internal' : r < 0.98 ? 'Monitor' : 'Test';
  return { environment: 'Production', sessionMode };
}

interface Draft {
  offsetMs: number;
  main: InteractionType;
  all: TypeList;
  value: string | null;
  output: string | null;
  metadata: string | null;
  faq: Faq | undefined;
  /** ArticleIds and Articles of an event or dialog step (an FAQ's come from the FAQ). */
  content: ContentTexts | undefined;
  dialogPaths: string;
  dialogStatus: string;
  /** Empty when nothing was recognised: events, clicks, feedback, dialog steps and questions not understood. */
  recognitionType: string;
  recognitionDetails: string;
  /** 0–100, as the real API and its clients use it; null where there was no recognition. */
  quality: number | null;
  originating: boolean;
  linkclick: string;
  /** Whether a feedback row is a thumbs up (FeedbackInfo is written with the rated interaction). */
  positive: boolean | null;
}

const WELCOME = 'Hi! How can I help you today?';
const NO_MATCH = "Sorry, I didn't understand that. Could you rephrase your question?";
const NO_MATCH_INPUTS = ['asdf', 'hello?', 'ok', 'thanks', '???'];
const DIALOG_STATUSES = ['InProgress', 'Completed', 'Aborted'];

// The texts below come from texts.ts, built once per catalog entry; the draws from the stream are
// what they were when each row built its own (the bytes of a seed's log are pinned by tests).
function draftInteraction(rng: Rng, faqs: readonly Faq[], first: boolean, active: boolean): Draft {
  const d: Draft = {
    offsetMs: 0,
    main: 'QA',
    all: TYPE_LISTS.QA,
    value: null,
    output: null,
    metadata: null,
    faq: undefined,
    content: undefined,
    dialogPaths: '',
    dialogStatus: '',
    recognitionType: '',
    recognitionDetails: '',
    quality: null,
    originating: false,
    linkclick: '',
    positive: null,
  };
  if (!active) {
    const r = rng.next();
    if (first || r < 0.5) {
      d.main = 'Event';
      const event = rng.pick(EVENTS);
      d.value = event;
      // An event that starts a dialog: "event triggers dialog → event + dialog", at its first node.
      if (rng.chance(0.3)) {
        d.all = TYPE_LISTS.EventDialog;
        const step = textsOfStep(rng.pick(DIALOGS), 0, false, event);
        d.dialogPaths = step.path;
        d.content = step;
      } else {
        d.all = TYPE_LISTS.Event;
        d.content = textsOfEvent(event);
      }
      d.output = event === 'welcome' ? WELCOME : null;
    } else {
      d.main = 'DataRetrieval';
      d.all = TYPE_LISTS.DataRetrieval;
    }
    return d;
  }
  const faq = rng.pick(faqs);
  // A session opens with the welcome event or a question: clicks and feedback refer to an earlier answer.
  const r = rng.next();
  if (first && r < 0.5) {
    d.main = 'Event';
    d.all = TYPE_LISTS.Event;
    d.value = 'welcome';
    d.output = WELCOME;
    d.content = textsOfEvent('welcome');
    return d;
  }
  if (r < 0.5 || first) {
    d.main = 'QA';
    d.faq = faq;
    d.value = rng.pick(faq.questions);
    // 55–100: every answered question is at least a weak match (the client's "low" is below 60).
    d.quality = Math.round((0.55 + rng.next() * 0.45) * 100);
    const texts = textsOfFaq(faq);
    const recognition = texts.recognition(d.value);
    d.recognitionDetails = recognition.details;
    if (rng.chance(0.12)) {
      d.all = TYPE_LISTS.QAGenerative;
      d.output = texts.summarised;
      d.recognitionType = 'GenerativeAI';
    } else {
      d.all = TYPE_LISTS.QA;
      d.output = faq.answer;
      d.recognitionType = recognition.type;
    }
    d.metadata = texts.metadata;
  } else if (r < 0.6) {
    d.main = 'FaqClick';
    d.all = TYPE_LISTS.FaqClick;
    d.faq = faq;
    d.value = faq.title;
    d.output = faq.answer;
  } else if (r < 0.68) {
    d.main = 'FaqSearch';
    d.all = TYPE_LISTS.FaqSearch;
    d.faq = faq;
    d.value = textsOfFaq(faq).searchValue;
  } else if (r < 0.78) {
    const dialog = rng.pick(DIALOGS);
    const transactional = rng.chance(0.5);
    d.main = transactional ? 'TransactionalDialog' : 'Dialog';
    d.all = transactional ? TYPE_LISTS.TransactionalDialog : TYPE_LISTS.Dialog;
    d.value = rng.pick(faqs).questions[0] ?? '';
    const at = (dialog.steps as readonly string[]).indexOf(rng.pick(dialog.steps));
    d.dialogStatus = transactional ? rng.pick(DIALOG_STATUSES) : '';
    const step = textsOfStep(dialog, at, d.dialogStatus === 'Aborted');
    d.output = step.output;
    d.dialogPaths = step.path;
    d.content = step;
  } else if (r < 0.86) {
    d.main = 'LinkClick';
    d.all = TYPE_LISTS.LinkClick;
    const page = textsOfPage(rng.pick(PAGES));
    d.value = page.url;
    d.linkclick = page.linkclick(faq);
    d.originating = true;
  } else if (r < 0.92) {
    d.main = 'Feedback';
    d.all = TYPE_LISTS.Feedback;
    d.positive = rng.chance(0.7);
    d.value = d.positive ? 'positive' : 'negative';
    d.originating = true;
  } else {
    d.main = 'QA';
    d.all = TYPE_LISTS.QA;
    d.value = rng.pick(NO_MATCH_INPUTS);
    d.output = NO_MATCH;
    // Nothing matched: no RecognitionType, and the best candidate's score (0–30) as the quality.
    d.quality = Math.round(rng.next() * 0.3 * 100);
    d.recognitionDetails = NO_ENTITY_MATCHES;
  }
  return d;
}

/** Every interaction of the sessions that start in one hour, in time order, with their LogIds. */
export function interactionsInHour(
  seed: number,
  project: Project,
  hourIndex: number,
  knobs: Knobs,
): Interaction[] {
  const tenant = tenantOf(project);
  const sessions = Math.min(
    MAX_SESSIONS_PER_HOUR,
    conversationsInHour({ seed, api: 'digitalcx', tenant }, hourIndex, knobs),
  );
  const hourStart = hourIndex * MS_HOUR;
  const rows: Interaction[] = [];
  // Rng.derive(seed, 'digitalcx', tenant, 'session', hourIndex, s), the shared prefix hashed once.
  const sessionKeys = hashState(seed, 'digitalcx', tenant, 'session', hourIndex);
  for (let s = 0; s < sessions; s++) {
    const rng = new Rng(hashFrom(sessionKeys, s));
    const sessionUuid = rng.uuid();
    const culture = project.cultures[rng.weightedIndex(project.cultureWeights)] as string;
    const faqs = FAQS[culture] ?? FAQS.en ?? [];
    const { environment, sessionMode } = sessionSetting(rng);
    const active = !rng.chance(knobs.inactiveShare);
    const count = active ? rng.int(2, 8) : rng.int(1, 3);
    const page = rng.pick(PAGES);
    const info = lazyUserInfo(rng, page);
    // The session's page is in every one of its rows.
    const { contexts, pages } = textsOfPage(page);
    // Sessions fit inside their hour, so an hour's rows never spill into the next.
    let at = hourStart + rng.int(0, 47 * 60) * 1000 + rng.int(0, 999);
    let previousUuid: string | null = null;
    for (let i = 0; i < count; i++) {
      const d = draftInteraction(rng, faqs, i === 0, active);
      const uuid = rng.uuid();
      const start = at;
      const end = start + rng.int(40, 1800);
      const faq = d.faq && textsOfFaq(d.faq);
      rows.push({
        logId: 0, // set once the hour's rows are in order
        interactionUuid: uuid,
        originatingInteractionUuid: d.originating ? previousUuid : null,
        sessionUuid,
        sessionIsActive: active,
        timestampStart: start,
        timestampEnd: end,
        culture,
        mainInteractionType: d.main,
        allInteractionTypes: d.all.types,
        allMask: d.all.mask,
        mainMask: INTERACTION_FLAGS[d.main],
        interactionValue: d.value,
        outputText: d.output,
        outputMetadata: d.metadata,
        // ArticleIds and Articles name the same content: the FAQ, or the event and dialog node.
        articleIds: (faq ?? d.content)?.articleIds ?? '[]',
        dialogPaths: d.dialogPaths,
        tDialogStatus: d.dialogStatus,
        recognitionType: d.recognitionType,
        recognitionQuality: d.quality,
        recognitionDetails: d.recognitionDetails,
        generativeAISources: (d.all.mask & GENERATIVE_AI) !== 0 && faq ? faq.generativeAISources : '',
        articles: (faq ?? d.content)?.articles ?? '',
        faqsFound: d.main === 'FaqSearch' && faq ? faq.faqsFound : '[]',
        contexts,
        pages,
        linkclickInfo: d.linkclick,
        feedbackInfo: d.positive === null ? '' : feedbackInfo(d.positive, previousUuid),
        userInfo: info,
        environment,
        sessionMode,
      });
      previousUuid = uuid;
      at = end + rng.int(3, 90) * 1000;
    }
  }
  rows.sort(
    (a, b) => a.timestampStart - b.timestampStart || (a.interactionUuid < b.interactionUuid ? -1 : 1),
  );
  rows.forEach((row, rank) => {
    row.logId = hourIndex * LOG_IDS_PER_HOUR + rank;
  });
  return rows;
}
