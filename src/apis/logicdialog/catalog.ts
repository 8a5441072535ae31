/** The fixed vocabularies a workspace draws from: channels, languages, countries, topics, responses, events. */

/** A thing a chart names: a stable key and a display label. */
export interface Category {
  key: string;
  label: string;
}

/** Channels a Logicdialog bot is published on; `webchat` first (every workspace has it). */
export const CHANNELS: readonly Category[] = [
  { key: 'webchat', label: 'Web chat' },
  { key: 'whatsapp', label: 'WhatsApp' },
  { key: 'messenger', label: 'Facebook Messenger' },
  { key: 'teams', label: 'Microsoft Teams' },
  { key: 'sms', label: 'SMS' },
  { key: 'instagram', label: 'Instagram' },
];

/** ISO 639-1 languages with their English names; `en` first (every workspace serves it). */
export const LANGUAGES: readonly Category[] = [
  { key: 'en', label: 'English' },
  { key: 'cy', label: 'Welsh' },
  { key: 'fr', label: 'French' },
  { key: 'de', label: 'German' },
  { key: 'es', label: 'Spanish' },
  { key: 'nl', label: 'Dutch' },
  { key: 'pl', label: 'Polish' },
  { key: 'ar', label: 'Arabic' },
  { key: 'ur', label: 'Urdu' },
  { key: 'pa', label: 'Punjabi' },
  { key: 'it', label: 'Italian' },
  { key: 'pt', label: 'Portuguese' },
];

/** ISO 3166-1 alpha-2 countries with their names; the first is the usual home country. */
export const COUNTRIES: readonly Category[] = [
  { key: 'GB', label: 'United Kingdom' },
  { key: 'IE', label: 'Ireland' },
  { key: 'US', label: 'United States' },
  { key: 'FR', label: 'France' },
  { key: 'DE', label: 'Germany' },
  { key: 'ES', label: 'Spain' },
  { key: 'NL', label: 'Netherlands' },
  { key: 'PL', label: 'Poland' },
  { key: 'IN', label: 'India' },
  { key: 'AU', label: 'Australia' },
  { key: 'CA', label: 'Canada' },
];

/** Users whose country is not known (no IP geolocation, SMS…). */
export const UNKNOWN_COUNTRY: Category = { key: 'unknown', label: 'Unknown' };

/** Ratings a user can give at the end of a conversation, best first, then "gave none". */
export const RATINGS: readonly Category[] = [
  { key: '5', label: '5' },
  { key: '4', label: '4' },
  { key: '3', label: '3' },
  { key: '2', label: '2' },
  { key: '1', label: '1' },
  { key: 'unrated', label: 'No rating' },
];

/** Conversation sentiments, in the order the series are returned. */
export const SENTIMENTS: readonly Category[] = [
  { key: 'positive', label: 'Positive' },
  { key: 'neutral', label: 'Neutral' },
  { key: 'negative', label: 'Negative' },
];

/** Topics the NLP can file a message under (a workspace uses some of them). */
export const TOPICS: readonly string[] = [
  'Opening hours',
  'Billing and payments',
  'Account access',
  'Delivery',
  'Returns and refunds',
  'Appointments',
  'Complaints',
  'Contact details',
  'Technical support',
  'Pricing',
  'Cancellations',
  'Council tax',
  'Bin collection',
  'Parking permits',
  'Housing repairs',
  'Benefits',
  'Recruitment',
  'Events',
  'Order status',
  'Product information',
  'Accessibility',
  'Opening an account',
];

/** Titles of responses (content blocks) a workspace may have built. */
export const RESPONSE_TITLES: readonly string[] = [
  'Welcome message',
  'Opening times',
  'How to pay a bill',
  'Reset your password',
  'Track your order',
  'Start a return',
  'Refund timescales',
  'Book an appointment',
  'Change an appointment',
  'Make a complaint',
  'Contact us',
  'Speak to an agent',
  'Pricing plans',
  'Cancel your subscription',
  'Update your details',
  'Delivery options',
  'Report a fault',
  'Accessibility help',
  'Job vacancies',
  'Upcoming events',
  'Give feedback',
  'Find a branch',
  'Payment methods',
  'Council tax bands',
  'Bin collection days',
  'Apply for a parking permit',
  'Report a housing repair',
  'Check benefit eligibility',
  'Product warranty',
  'Sorry, I did not catch that',
];

/** Events every workspace fires: one per conversation, per hand-over request, per rating given. */
export const WELCOME_EVENT = 'welcome';
export const HANDOVER_EVENT = 'live_agent_requested';
export const FEEDBACK_EVENT = 'feedback_given';

/** Custom events a workspace may have wired into its flows. */
export const CUSTOM_EVENTS: readonly string[] = [
  'opening_hours_checked',
  'form_submitted',
  'appointment_booked',
  'order_tracked',
  'survey_started',
  'document_downloaded',
  'callback_requested',
  'payment_started',
];
