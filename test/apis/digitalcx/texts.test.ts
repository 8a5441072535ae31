import { describe, expect, it } from 'vitest';
import { DIALOGS, FAQS, PAGES } from '../../../src/apis/digitalcx/catalog.js';
import {
  recognitionDetails,
  textsOfFaq,
  textsOfPage,
  textsOfStep,
} from '../../../src/apis/digitalcx/texts.js';

const faq = FAQS.en?.[0];
const dialog = DIALOGS[0];

describe('DigitalCX row texts', () => {
  it('are the JSON and text each row used to build for itself', () => {
    if (!faq) throw new Error('the catalog has no English FAQ');
    expect(textsOfFaq(faq).metadata(0.873)).toBe(
      JSON.stringify({ articleId: faq.articleId, confidence: 0.873 }),
    );
    expect(textsOfFaq(faq).searchValue).toBe('What are your');
    expect(recognitionDetails(0.55)).toBe('{"model":"nlu-v3","score":0.55}');
    expect(textsOfPage('/orders').linkclick(faq)).toBe(
      JSON.stringify({ url: 'https://www.example-shop.com/orders', label: faq.title }),
    );
    expect(textsOfStep(dialog, 'askReason')).toEqual({
      path: '["ChangeAddress/askReason"]',
      output: '(ChangeAddress) askReason',
    });
  });

  it('builds a quality off the thousandths grid directly', () => {
    expect(recognitionDetails(0.1234)).toBe('{"model":"nlu-v3","score":0.1234}');
    expect(recognitionDetails(-0)).toBe('{"model":"nlu-v3","score":0}');
  });

  it('builds the texts of an FAQ, a page and a dialog step once', () => {
    if (!faq) throw new Error('the catalog has no English FAQ');
    const page = PAGES[2];
    expect(textsOfFaq(faq)).toBe(textsOfFaq(faq));
    expect(textsOfPage(page)).toBe(textsOfPage(page));
    expect(textsOfStep(dialog, 'done')).toBe(textsOfStep(dialog, 'done'));
  });
});
