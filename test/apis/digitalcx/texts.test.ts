import { describe, expect, it } from 'vitest';
import { DIALOGS, FAQS, PAGES } from '../../../src/apis/digitalcx/catalog.js';
import {
  feedbackInfo,
  textsOfEvent,
  textsOfFaq,
  textsOfPage,
  textsOfStep,
} from '../../../src/apis/digitalcx/texts.js';

const faq = FAQS.en?.[0];
const dialog = DIALOGS[0];

describe('DigitalCX row texts', () => {
  it('writes an FAQ as the client expects: prefixed ids, articles by kind, metadata pairs', () => {
    if (!faq) throw new Error('the catalog has no English FAQ');
    const texts = textsOfFaq(faq);
    expect(texts.articleIds).toBe('["qa-1101"]');
    expect(texts.articles).toBe('{"qa":[{"articleId":1101,"categories":[{"name":"Store"}]}]}');
    expect(texts.faqsFound).toBe('[1101]');
    expect(JSON.parse(texts.metadata)).toEqual([
      { key: 'category', value: 'Store' },
      { key: 'escalationGroup', value: 'none' },
    ]);
    expect(texts.searchValue).toBe('What are your');
  });

  it('recognises an FAQ by its first question and by entity for the others', () => {
    if (!faq) throw new Error('the catalog has no English FAQ');
    const texts = textsOfFaq(faq);
    expect(texts.recognition('What are your opening hours?')).toEqual({
      type: 'Faq',
      details: '{"entityMatches":[]}',
    });
    expect(texts.recognition('when are you open on sunday')).toEqual({
      type: 'Entity Recognition',
      details:
        '{"entityMatches":[{"name":"OPENING_HOURS_1","match":"sunday","entityId":2601,"displayName":"OPENING_HOURS"}]}',
    });
  });

  it('names a dialog node in DialogPaths and ArticleIds alike, after the event that started it', () => {
    expect(textsOfStep(dialog, 2)).toEqual({
      path: '{"EndedOrInProgress":"6391:2/15/4"}',
      articleIds: '["dn-6391-4"]',
      articles:
        '{"dialog":[{"dialogId":6391,"dialogName":"ChangeAddress","nodeId":4,"nodeName":"confirmAddress"}]}',
      output: '(ChangeAddress) confirmAddress',
    });
    expect(textsOfStep(dialog, 1, true).path).toBe('{"DropOut":"6391:2/15"}');
    const started = textsOfStep(dialog, 0, false, 'welcome');
    expect(started.articleIds).toBe('["e-7101","dn-6391-2"]');
    expect(JSON.parse(started.articles)).toEqual({
      dialog: [{ dialogId: 6391, dialogName: 'ChangeAddress', nodeId: 2, nodeName: 'askPostcode' }],
      event: [{ eventId: 7101, eventName: 'welcome' }],
    });
    expect(textsOfEvent('session_timeout')).toEqual({
      articleIds: '["e-7104"]',
      articles: '{"event":[{"eventId":7104,"eventName":"session_timeout"}]}',
    });
  });

  it('writes feedback with its score and the interaction it rates', () => {
    expect(feedbackInfo(true, 'u-1')).toBe('{"score":1,"originatingInteractionId":"u-1"}');
    expect(feedbackInfo(false, 'u-2')).toBe(
      '{"score":-1,"comment":"Not what I asked","originatingInteractionId":"u-2"}',
    );
  });

  it('builds the texts of an FAQ, a page and a dialog step once', () => {
    if (!faq) throw new Error('the catalog has no English FAQ');
    const page = PAGES[2];
    expect(textsOfFaq(faq)).toBe(textsOfFaq(faq));
    expect(textsOfFaq(faq).recognition('track parcel')).toBe(textsOfFaq(faq).recognition('track parcel'));
    expect(textsOfPage(page)).toBe(textsOfPage(page));
    expect(textsOfStep(dialog, 3)).toBe(textsOfStep(dialog, 3));
    expect(textsOfPage('/orders').linkclick(faq)).toBe(
      JSON.stringify({ url: 'https://www.example-shop.com/orders', label: faq.title }),
    );
  });
});
