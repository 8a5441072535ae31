/** What a Chatlayer bot can serve: channels, languages, campaign sources and dialog templates. */

/** Channel types (inferred: the vendor publishes no list); the spec's enum holds the same values. */
export const CHANNELS = [
  'WEB',
  'WHATSAPP',
  'MESSENGER',
  'INSTAGRAM',
  'TELEGRAM',
  'SLACK',
  'GOOGLE_BUSINESS_MESSAGES',
  'SMS',
  'API',
] as const;

/** Languages a bot may speak (ISO 639-1); Chatlayer's customers are mostly European. */
export const LANGUAGES = ['en', 'nl', 'fr', 'de', 'es', 'it', 'pt'] as const;

/** Where an outbound campaign that opened a conversation came from. */
export const CAMPAIGN_SOURCES = [
  'whatsapp_broadcast',
  'sms_broadcast',
  'qr_code',
  'website_banner',
  'email',
  'facebook_ads',
] as const;

/** A kind of dialog step (Chatlayer's dialog-state kinds; the spec's Step.type enum). */
export type StepType =
  | 'MESSAGE'
  | 'INPUT_VALIDATION'
  | 'ACTION'
  | 'CONDITION'
  | 'GO_TO_BOT_DIALOG'
  | 'API_CALL'
  | 'HANDOVER';

/** A step of a dialog template: its slug and kind. */
export type StepTemplate = readonly [slug: string, type: StepType];

/** A bot dialog: the steps a conversation walks through once the dialog is entered. */
export interface DialogTemplate {
  name: string;
  steps: readonly StepTemplate[];
  /** Whether the conversation ends with this dialog (a handover to a human). */
  ends: boolean;
}

/** Every conversation starts here: the welcome message, then the main menu. */
export const INTRODUCTION: readonly StepTemplate[] = [
  ['welcome', 'MESSAGE'],
  ['main-menu', 'MESSAGE'],
];

/** The dialogs a user message can lead to. */
export const DIALOGS: readonly DialogTemplate[] = [
  {
    name: 'order-status',
    steps: [
      ['ask-order-number', 'INPUT_VALIDATION'],
      ['lookup-order', 'API_CALL'],
      ['order-found', 'CONDITION'],
      ['order-status', 'MESSAGE'],
    ],
    ends: false,
  },
  {
    name: 'book-appointment',
    steps: [
      ['ask-date', 'INPUT_VALIDATION'],
      ['check-availability', 'API_CALL'],
      ['slot-available', 'CONDITION'],
      ['confirm-booking', 'MESSAGE'],
    ],
    ends: false,
  },
  {
    name: 'change-address',
    steps: [
      ['ask-postcode', 'INPUT_VALIDATION'],
      ['save-address', 'ACTION'],
      ['address-changed', 'MESSAGE'],
    ],
    ends: false,
  },
  { name: 'opening-hours', steps: [['opening-hours', 'MESSAGE']], ends: false },
  {
    name: 'feedback',
    steps: [
      ['ask-rating', 'INPUT_VALIDATION'],
      ['save-rating', 'ACTION'],
      ['thank-you', 'MESSAGE'],
    ],
    ends: false,
  },
  { name: 'not-understood', steps: [['fallback', 'MESSAGE']], ends: false },
  {
    name: 'talk-to-agent',
    steps: [
      ['go-to-handover', 'GO_TO_BOT_DIALOG'],
      ['handover', 'HANDOVER'],
    ],
    ends: true,
  },
];

/** How often a user message leads to each dialog, aligned with DIALOGS. */
export const DIALOG_WEIGHTS: readonly number[] = [5, 3, 2, 4, 1, 2, 1.5];

/** Intents a bot may recognise (inferred: snake_case names, as the vendor's ids are the names). */
export const INTENTS = [
  'greeting',
  'goodbye',
  'thanks',
  'order_status',
  'track_package',
  'cancel_order',
  'return_item',
  'refund',
  'book_appointment',
  'cancel_appointment',
  'change_address',
  'opening_hours',
  'store_locator',
  'talk_to_agent',
  'feedback',
  'pricing',
  'payment_methods',
  'delivery_time',
  'reset_password',
  'update_email',
  'product_availability',
  'complaint',
  'invoice_copy',
  'loyalty_points',
  'warranty',
  'contact_details',
] as const;

/** Knowledge-base tags (inferred: lower-case topics). */
export const KB_TAGS = [
  'shipping',
  'returns',
  'payments',
  'account',
  'products',
  'stores',
  'warranty',
  'privacy',
  'billing',
  'promotions',
] as const;

/** A tracking event a bot may send, and the attributes it carries with their possible values. */
export interface EventTemplate {
  name: string;
  description: string;
  attributes: Readonly<Record<string, readonly string[]>>;
}

/** Tracking events (inferred names and attributes). */
export const EVENTS: readonly EventTemplate[] = [
  {
    name: 'conversation_started',
    description: 'A user opened the conversation',
    attributes: { entry_point: ['widget', 'deeplink', 'qr_code', 'campaign'] },
  },
  {
    name: 'product_viewed',
    description: 'The bot showed a product card',
    attributes: { product: ['starter', 'plus', 'pro', 'family'], plan: ['monthly', 'yearly'] },
  },
  {
    name: 'order_placed',
    description: 'The user completed an order in the conversation',
    attributes: { product: ['starter', 'plus', 'pro', 'family'], plan: ['monthly', 'yearly'] },
  },
  {
    name: 'appointment_booked',
    description: 'The user booked an appointment',
    attributes: { location: ['amsterdam', 'antwerp', 'brussels', 'ghent', 'rotterdam'] },
  },
  {
    name: 'handover_requested',
    description: 'The user asked for a human agent',
    attributes: { reason: ['complaint', 'complex_question', 'not_understood', 'vip'] },
  },
  {
    name: 'feedback_given',
    description: 'The user rated the conversation',
    attributes: { rating: ['1', '2', '3', '4', '5'] },
  },
  {
    name: 'link_clicked',
    description: 'The user opened a link the bot sent',
    attributes: { url: ['/pricing', '/faq', '/contact', '/terms', '/shop'] },
  },
  {
    name: 'newsletter_signup',
    description: 'The user subscribed to the newsletter',
    attributes: { topic: ['deals', 'news', 'product_updates'] },
  },
];
