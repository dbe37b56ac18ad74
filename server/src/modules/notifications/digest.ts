import type { OutgoingEmail } from '../../infra/mail';
import type * as repo from './repository';

type Item = Awaited<ReturnType<typeof repo.unreadSince>>[number];
type Person = { email: string; displayName: string; locale: 'fr' | 'en' };

const WORDS = {
  fr: {
    subject: (n: number) => (n === 1 ? 'Synergies : une nouveauté pour votre entreprise' : `Synergies : ${n} nouveautés pour votre entreprise`),
    hello: (name: string) => `Bonjour ${name},`,
    intro: 'Voici ce qui s’est passé sur Synergies depuis notre dernier message :',
    proposals: (n: number) => (n === 1 ? 'Une nouvelle piste de synergie' : `${n} nouvelles pistes de synergie`),
    request: (text: string) => `Une demande sur une fiche : ${text}`,
    preferences: 'Vous recevez ce résumé selon vos préférences de notification, modifiables dans votre compte :',
    signature: '— L’équipe Synergies',
  },
  en: {
    subject: (n: number) => (n === 1 ? 'Synergies: one update for your company' : `Synergies: ${n} updates for your company`),
    hello: (name: string) => `Hello ${name},`,
    intro: 'Here is what happened on Synergies since our last message:',
    proposals: (n: number) => (n === 1 ? 'A new synergy lead' : `${n} new synergy leads`),
    request: (text: string) => `A request on a listing: ${text}`,
    preferences: 'You receive this digest according to your notification preferences, which you can change in your account:',
    signature: '— The Synergies team',
  },
} as const;

/** One email gathering a person's unread notifications, in their language. */
export function digestEmail(person: Person, items: Item[], publicUrl: string): OutgoingEmail {
  const w = WORDS[person.locale];
  const lines = items.map((item) => {
    const link = item.synergyId ? `${publicUrl}/synergies/${item.synergyId}` : `${publicUrl}/mon-entreprise`;
    const what = item.type === 'new_proposal' ? w.proposals(item.count) : item.type === 'marketplace_request' ? w.request(item.text) : item.text;
    return `• ${what}\n  ${link}`;
  });
  return {
    to: person.email,
    subject: w.subject(items.reduce((n, i) => n + i.count, 0)),
    text: `${w.hello(person.displayName)}\n\n${w.intro}\n\n${lines.join('\n')}\n\n${w.preferences}\n${publicUrl}/mon-compte\n\n${w.signature}`,
  };
}
