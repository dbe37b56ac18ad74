import type { CurrentUser } from '@synergies/shared';
import type { OutgoingEmail } from '../../infra/mail';

export function invitationEmail(
  inviter: CurrentUser,
  invitee: { email: string; displayName: string; role: string },
  placeName: string,
  link: string,
): OutgoingEmail {
  const what = invitee.role === 'facilitator' ? `animer la zone ${placeName}` : `représenter ${placeName}`;
  return {
    to: invitee.email,
    subject: `Invitation à rejoindre Synergies`,
    text:
      `Bonjour ${invitee.displayName},\n\n` +
      `${inviter.displayName} vous invite sur Synergies, la plateforme de synergies inter-entreprises, pour ${what}.\n\n` +
      `Pour activer votre compte et choisir votre mot de passe, ouvrez ce lien (valable 7 jours, une seule fois) :\n${link}\n\n` +
      `— L'équipe Synergies`,
  };
}

export function passwordResetEmail(user: { email: string; displayName: string }, link: string): OutgoingEmail {
  return {
    to: user.email,
    subject: 'Réinitialisation de votre mot de passe Synergies',
    text:
      `Bonjour ${user.displayName},\n\n` +
      `Pour choisir un nouveau mot de passe, ouvrez ce lien (valable 1 heure, une seule fois) :\n${link}\n\n` +
      `Si vous n'avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.\n\n— L'équipe Synergies`,
  };
}
