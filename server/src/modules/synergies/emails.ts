type Reader = { email: string; displayName: string; locale: 'fr' | 'en' };

/* The emails a synergy's thread sends, in the reader's language (their account's). */

export function requestEmail(to: Reader, o: { author: string; firm: string; title: string; message: string; link: string }) {
  return to.locale === 'en'
    ? {
        to: to.email,
        subject: `${o.firm} is interested in “${o.title}”`,
        text: `Hello ${to.displayName},\n\n${o.author} (${o.firm}) writes to you about “${o.title}”:\n\n${o.message}\n\nReply: ${o.link}\n\n— The Synergies team`,
      }
    : {
        to: to.email,
        subject: `${o.firm} s'intéresse à « ${o.title} »`,
        text: `Bonjour ${to.displayName},\n\n${o.author} (${o.firm}) vous écrit à propos de « ${o.title} » :\n\n${o.message}\n\nRépondre : ${o.link}\n\n— L'équipe Synergies`,
      };
}

export function messageEmail(to: Reader, o: { author: string; title: string; message: string; link: string }) {
  return to.locale === 'en'
    ? {
        to: to.email,
        subject: `New message: ${o.title}`,
        text: `Hello ${to.displayName},\n\n${o.author} wrote about “${o.title}”:\n\n${o.message}\n\nReply: ${o.link}\n\n— The Synergies team`,
      }
    : {
        to: to.email,
        subject: `Nouveau message : ${o.title}`,
        text: `Bonjour ${to.displayName},\n\n${o.author} a écrit à propos de « ${o.title} » :\n\n${o.message}\n\nRépondre : ${o.link}\n\n— L'équipe Synergies`,
      };
}
