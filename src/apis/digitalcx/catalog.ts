/** What DigitalCX users ask and what the bot answers, per culture: the raw material of rows. */

/** A question, the FAQ article that answers it, and the answer text. */
export interface Faq {
  articleId: number;
  title: string;
  questions: readonly string[];
  answer: string;
}

const EN: readonly Faq[] = [
  {
    articleId: 1101,
    title: 'Opening hours',
    questions: ['What are your opening hours?', 'when are you open on sunday', 'Are you open today?'],
    answer: 'We are open Monday to Friday from 9:00 to 17:30 and on Saturday from 10:00 to 16:00.',
  },
  {
    articleId: 1102,
    title: 'Track my order',
    questions: ['Where is my order?', 'track parcel', 'My package has not arrived yet'],
    answer: 'You can follow your order with the track-and-trace link in your confirmation e-mail.',
  },
  {
    articleId: 1103,
    title: 'Return a product',
    questions: ['How do I return an item?', 'return policy', 'Can I send back shoes that do not fit?'],
    answer: 'You can return products within 30 days. Start a return from "My orders" and print the label.',
  },
  {
    articleId: 1104,
    title: 'Change delivery address',
    questions: ['Can I change my delivery address?', 'wrong address on order'],
    answer: 'As long as your order has not shipped, you can change the address under "My orders".',
  },
  {
    articleId: 1105,
    title: 'Payment methods',
    questions: ['Which payment methods do you accept?', 'can i pay with paypal', 'Do you take credit cards?'],
    answer: 'We accept iDEAL, credit card, PayPal and Klarna "pay later".',
  },
  {
    articleId: 1106,
    title: 'Reset password',
    questions: ['I forgot my password', 'how to reset password', 'Cannot log in to my account'],
    answer: 'Use "Forgot password" on the login page; we will e-mail you a reset link valid for 24 hours.',
  },
  {
    articleId: 1107,
    title: 'Cancel subscription',
    questions: ['How do I cancel my subscription?', 'stop membership', 'Cancel my plan, please'],
    answer:
      'You can cancel any time under Account > Subscription. Your plan stays active until the end of the period.',
  },
  {
    articleId: 1108,
    title: 'Contact a human',
    questions: ['Can I talk to a person?', 'agent please', 'I want to speak to customer service'],
    answer: 'I will connect you with a colleague. Our team is available on weekdays from 9:00 to 17:00.',
  },
  {
    articleId: 1109,
    title: 'Invoice copy',
    questions: ['Can I get a copy of my invoice?', 'download invoice', 'I need a VAT invoice'],
    answer:
      'Invoices are available as PDF under "My orders". Select the order and choose "Download invoice".',
  },
  {
    articleId: 1110,
    title: 'Shipping costs',
    questions: ['How much is shipping?', 'free delivery?', 'What are the delivery costs to Belgium?'],
    answer: 'Shipping is free above €50. Below that we charge €4.95 within the Netherlands and Belgium.',
  },
];

const NL: readonly Faq[] = [
  {
    articleId: 2101,
    title: 'Openingstijden',
    questions: ['Wat zijn jullie openingstijden?', 'zijn jullie zondag open', 'Zijn jullie vandaag open?'],
    answer:
      'We zijn open van maandag tot en met vrijdag van 9:00 tot 17:30 en op zaterdag van 10:00 tot 16:00.',
  },
  {
    articleId: 2102,
    title: 'Bestelling volgen',
    questions: ['Waar is mijn bestelling?', 'pakket volgen', 'Mijn pakket is nog niet binnen'],
    answer: 'Je kunt je bestelling volgen via de track-and-trace-link in je bevestigingsmail.',
  },
  {
    articleId: 2103,
    title: 'Product retourneren',
    questions: [
      'Hoe kan ik iets retourneren?',
      'retourbeleid',
      'Kan ik schoenen terugsturen die niet passen?',
    ],
    answer: 'Je kunt producten binnen 30 dagen retourneren. Start een retour via "Mijn bestellingen".',
  },
  {
    articleId: 2105,
    title: 'Betaalmethoden',
    questions: ['Welke betaalmethoden accepteren jullie?', 'kan ik met ideal betalen'],
    answer: 'We accepteren iDEAL, creditcard, PayPal en Klarna "achteraf betalen".',
  },
  {
    articleId: 2108,
    title: 'Medewerker spreken',
    questions: ['Kan ik iemand spreken?', 'medewerker aub'],
    answer: 'Ik verbind je door met een collega. Ons team is op werkdagen bereikbaar van 9:00 tot 17:00.',
  },
];

const DE: readonly Faq[] = [
  {
    articleId: 3101,
    title: 'Öffnungszeiten',
    questions: ['Wie sind Ihre Öffnungszeiten?', 'habt ihr sonntags offen'],
    answer:
      'Wir sind Montag bis Freitag von 9:00 bis 17:30 Uhr und samstags von 10:00 bis 16:00 Uhr geöffnet.',
  },
  {
    articleId: 3102,
    title: 'Sendungsverfolgung',
    questions: ['Wo ist meine Bestellung?', 'Paket verfolgen'],
    answer: 'Sie können Ihre Bestellung über den Link in Ihrer Bestätigungs-E-Mail verfolgen.',
  },
  {
    articleId: 3103,
    title: 'Rücksendung',
    questions: ['Wie kann ich etwas zurücksenden?', 'Rückgaberecht'],
    answer:
      'Sie können Produkte innerhalb von 30 Tagen zurücksenden. Starten Sie die Rücksendung unter "Meine Bestellungen".',
  },
  {
    articleId: 3108,
    title: 'Mitarbeiter sprechen',
    questions: ['Kann ich mit einem Menschen sprechen?', 'Mitarbeiter bitte'],
    answer: 'Ich verbinde Sie mit einem Kollegen. Unser Team ist werktags von 9:00 bis 17:00 Uhr erreichbar.',
  },
];

const FR: readonly Faq[] = [
  {
    articleId: 4101,
    title: "Heures d'ouverture",
    questions: ["Quelles sont vos heures d'ouverture ?", 'ouvert le dimanche ?'],
    answer: 'Nous sommes ouverts du lundi au vendredi de 9h00 à 17h30 et le samedi de 10h00 à 16h00.',
  },
  {
    articleId: 4102,
    title: 'Suivre ma commande',
    questions: ['Où est ma commande ?', 'suivi colis'],
    answer: 'Vous pouvez suivre votre commande avec le lien de suivi dans votre e-mail de confirmation.',
  },
  {
    articleId: 4103,
    title: 'Retourner un produit',
    questions: ['Comment retourner un article ?', 'politique de retour'],
    answer: 'Vous pouvez retourner les produits sous 30 jours depuis « Mes commandes ».',
  },
];

const ES: readonly Faq[] = [
  {
    articleId: 5101,
    title: 'Horario',
    questions: ['¿Cuál es su horario?', 'abren el domingo'],
    answer: 'Abrimos de lunes a viernes de 9:00 a 17:30 y los sábados de 10:00 a 16:00.',
  },
  {
    articleId: 5102,
    title: 'Seguir mi pedido',
    questions: ['¿Dónde está mi pedido?', 'seguimiento paquete'],
    answer: 'Puede seguir su pedido con el enlace de seguimiento de su correo de confirmación.',
  },
  {
    articleId: 5103,
    title: 'Devoluciones',
    questions: ['¿Cómo devuelvo un artículo?', 'política de devoluciones'],
    answer: 'Puede devolver productos en un plazo de 30 días desde «Mis pedidos».',
  },
];

/** FAQs by culture. */
export const FAQS: Readonly<Record<string, readonly Faq[]>> = { en: EN, nl: NL, de: DE, fr: FR, es: ES };

/** Cultures a project may serve besides `en`. */
export const EXTRA_CULTURES = ['nl', 'de', 'fr', 'es'] as const;

/** Events a DigitalCX project fires (welcome, proactive triggers…). */
export const EVENTS = ['welcome', 'pageview_pricing', 'proactive_help', 'session_timeout'] as const;

/** The content id of each event (Articles' `eventId`, ArticleIds' `e-<id>`). */
export const EVENT_IDS: Readonly<Record<(typeof EVENTS)[number], number>> = {
  welcome: 7101,
  pageview_pricing: 7102,
  proactive_help: 7103,
  session_timeout: 7104,
};

/** Transactional dialogs: their content id, and their steps with the id of each step's node. */
export const DIALOGS = [
  {
    name: 'ChangeAddress',
    id: 6391,
    steps: ['askPostcode', 'askHouseNumber', 'confirmAddress', 'done'],
    nodeIds: [2, 15, 4, 18],
  },
  {
    name: 'ReturnRequest',
    id: 5803,
    steps: ['askOrderNumber', 'askReason', 'createLabel', 'done'],
    nodeIds: [1, 4, 9, 12],
  },
  { name: 'Handover', id: 5120, steps: ['checkOpeningHours', 'askEmail', 'transfer'], nodeIds: [3, 7, 11] },
] as const;

/** Pages of the customer's site where the widget runs. */
export const PAGES = ['/', '/contact', '/orders', '/returns', '/pricing', '/account'] as const;

/**
 * The content category and the recognition entity of an FAQ, by the topic its article id ends in
 * (1101, 2101 and 3101 are the same topic in three cultures).
 */
const TOPICS: Readonly<Record<number, { category: string; entity: string; entityId: number }>> = {
  1: { category: 'Store', entity: 'OPENING_HOURS', entityId: 2601 },
  2: { category: 'Orders', entity: 'ORDER_STATUS', entityId: 2602 },
  3: { category: 'Returns', entity: 'RETURN', entityId: 2603 },
  4: { category: 'Orders', entity: 'ADDRESS', entityId: 2604 },
  5: { category: 'Payments', entity: 'PAYMENT_METHOD', entityId: 2605 },
  6: { category: 'Account', entity: 'PASSWORD', entityId: 2606 },
  7: { category: 'Account', entity: 'SUBSCRIPTION', entityId: 2607 },
  8: { category: 'Customer service', entity: 'HUMAN_AGENT', entityId: 2608 },
  9: { category: 'Payments', entity: 'INVOICE', entityId: 2609 },
  10: { category: 'Shipping', entity: 'SHIPPING_COSTS', entityId: 2610 },
};

/** The topic of an FAQ article: its content category and the entity its questions are recognised by. */
export function topicOf(faq: Faq): { category: string; entity: string; entityId: number } {
  return TOPICS[faq.articleId % 100] ?? { category: 'General', entity: 'GENERAL', entityId: 2600 };
}
