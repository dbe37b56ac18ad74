/*
 * Every stable error code of the API with its message in both languages. The server's
 * problem helpers accept only these codes; the web app shows the message in the reader's
 * language. A new code goes here, with both texts.
 */
export const ERROR_CODES = {
  origin_forbidden: { fr: 'Connexion temps réel refusée depuis cette origine.', en: 'Realtime connection refused from this origin.' },
  infeasible_fixed_meeting: { fr: "Un rendez-vous imposé ne peut pas tenir à son créneau.", en: "A fixed meeting cannot be held in its slot." },
  table_capacity_exceeded: { fr: "Pas assez de tables pour ce créneau.", en: "Not enough tables for this slot." },
  participant_unavailable: { fr: "Une entreprise n'est pas disponible au créneau demandé.", en: "A company is not available in the requested slot." },
  participant_capacity_exceeded: { fr: "Une entreprise a plus de rendez-vous que de créneaux disponibles.", en: "A company has more meetings than available slots." },
  precedence_cycle: { fr: "Les ordres imposés entre rendez-vous forment une boucle.", en: "The required meeting order forms a loop." },
  precedence_unsatisfiable: { fr: "L'ordre imposé entre rendez-vous ne peut pas être respecté.", en: "The required meeting order cannot be respected." },
  unknown_reference: { fr: "L'événement cite une entreprise, un créneau ou une table inconnus.", en: "The event refers to an unknown company, slot or table." },
  duplicate_id: { fr: "Deux éléments de l'événement ont le même identifiant.", en: "Two items of the event share an identifier." },
  not_all_requests_fit: { fr: "Toutes les demandes ne peuvent pas tenir : ajoutez un créneau ou une table.", en: "Not every request can be held: add a slot or a table." },
  fairness_unsatisfiable: { fr: "Aucun planning ne respecte l'équité demandée entre entreprises.", en: "No schedule meets the required fairness between companies." },
  unknown_within_time_limit: { fr: "Aucun planning trouvé dans le temps imparti, sans preuve qu'il n'en existe pas.", en: "No schedule found within the time limit, and none proven impossible." },
  schedule_check_failed: { fr: "Le planning calculé ne respecte pas une règle : il n'est pas enregistré.", en: "The computed schedule breaks a rule: it was not saved." },
  setup_breaks_schedule: { fr: "Ce changement rendrait le planning publié impossible : modifiez d'abord le planning.", en: "This change would break the published schedule: change the schedule first." },
  agreement_required: { fr: "Toutes les entreprises doivent d'abord accepter la piste.", en: 'Every company must first accept the lead.' },
  already_exists: { fr: 'Cet élément existe déjà.', en: 'This already exists.' },
  already_invited_elsewhere: { fr: 'Cette adresse est déjà invitée ailleurs.', en: 'This address is already invited elsewhere.' },
  already_published: { fr: 'Le planning est déjà publié.', en: 'The schedule is already published.' },
  already_registered: { fr: 'Cette personne a déjà un compte actif.', en: 'This person already has an active account.' },
  already_requested: { fr: 'Votre entreprise a déjà une demande en cours sur cette fiche.', en: 'Your company already has an open request on this listing.' },
  bad_request: { fr: 'Requête invalide.', en: 'Invalid request.' },
  empty_file: { fr: 'Le fichier est vide.', en: 'The file is empty.' },
  event_published: { fr: 'Le planning est publié : passez par les changements du jour.', en: 'The schedule is published: use the day-of changes.' },
  file_missing: { fr: 'Aucun fichier reçu.', en: 'No file was received.' },
  fixed_slot_outside_session: { fr: 'Un créneau imposé est hors de sa session.', en: 'A fixed slot lies outside its session.' },
  forbidden: { fr: "Vous n'avez pas le droit de faire cela.", en: 'You are not allowed to do this.' },
  impact_required: { fr: 'Indiquez les quantités réelles pour calculer les impacts.', en: 'Enter the real quantities to compute the impacts.' },
  import_rejected: { fr: "Le document ne peut pas être importé : rien n'a été modifié.", en: 'The document cannot be imported: nothing was changed.' },
  internal_error: { fr: 'Une erreur interne est survenue.', en: 'An internal error occurred.' },
  invalid_cursor: { fr: 'Curseur de pagination invalide.', en: 'Invalid page cursor: reload the list.' },
  invalid_reference: { fr: 'Une référence pointe vers un élément inexistant.', en: 'A reference points to something that does not exist.' },
  invalid_transition: { fr: "Ce changement d'étape n'est pas possible.", en: 'This step change is not possible.' },
  invalid_value: { fr: 'Une valeur a un format invalide.', en: 'A value has an invalid format.' },
  link_expired: { fr: "Ce lien n'est plus valide : demandez-en un nouveau.", en: 'This link is no longer valid: ask for a new one.' },
  malformed_json: { fr: "Le corps de la requête n'est pas un JSON valide.", en: 'The request body is not valid JSON.' },
  meeting_already_started: {
    fr: 'Ce rendez-vous a déjà commencé : il ne peut plus être annulé.',
    en: 'This meeting has started: it can no longer be cancelled.',
  },
  multipart_expected: { fr: 'Envoyez le fichier en multipart/form-data.', en: 'Send the file as multipart/form-data.' },
  no_impact_factor: {
    fr: "Aucun facteur d'impact n'est défini : un administrateur doit en saisir.",
    en: 'No impact factor is defined: an administrator must enter some.',
  },
  not_available: { fr: "Cette fiche n'est plus disponible.", en: 'This listing is no longer available.' },
  not_found: { fr: 'Élément introuvable.', en: 'Not found.' },
  not_published: { fr: "Le planning n'est pas encore publié.", en: 'The schedule is not published yet.' },
  not_requested: { fr: "Votre entreprise n'a pas demandé ce rendez-vous.", en: 'Your company did not request this meeting.' },
  not_scheduled: { fr: "Aucun planning n'a encore été calculé.", en: 'No schedule has been computed yet.' },
  nothing_to_reserve: { fr: "Aucune fiche d'offre à réserver.", en: 'There is no offer listing to reserve.' },
  organisation_required: { fr: "Indiquez l'entreprise concernée.", en: 'Say which company this is for.' },
  own_declaration: { fr: 'Cette fiche est celle de votre entreprise.', en: 'This listing belongs to your company.' },
  participant_has_requests: { fr: 'Une entreprise retirée a encore des demandes de rendez-vous.', en: 'A removed company still has meeting requests.' },
  payload_too_large: { fr: 'Le fichier est trop volumineux.', en: 'The file is too large.' },
  rate_limited: { fr: 'Trop de tentatives : réessayez dans une minute.', en: 'Too many attempts: try again in a minute.' },
  reason_required: { fr: 'Indiquez pourquoi la piste est abandonnée.', en: 'Say why the lead is dropped.' },
  request_exists: { fr: 'Ce rendez-vous est déjà demandé.', en: 'This meeting is already requested.' },
  requests_closed: { fr: 'Les demandes de rendez-vous ne sont pas ouvertes.', en: 'Meeting requests are not open.' },
  route_not_found: { fr: "Cette adresse de l'API n'existe pas.", en: 'This API address does not exist.' },
  same_organisation: { fr: 'Une entreprise ne se rencontre pas elle-même.', en: 'A company does not meet itself.' },
  schedule_outdated: {
    fr: "L'événement ou les demandes ont changé depuis le calcul : relancez-le avant de publier.",
    en: 'The event or the requests changed since the computation: run it again before publishing.',
  },
  siret_taken: { fr: 'Ce SIRET est déjà enregistré.', en: 'This SIRET is already registered.' },
  slug_taken: { fr: 'Cet identifiant est déjà pris.', en: 'This identifier is already taken.' },
  synergy_closed: { fr: 'Cette piste est close.', en: 'This lead is closed.' },
  too_many_photos: { fr: 'Cette fiche a déjà le nombre maximal de photos.', en: 'This listing already has the maximum number of photos.' },
  unauthenticated: { fr: 'Adresse e-mail ou mot de passe incorrect.', en: 'Wrong email address or password.' },
  unknown_organisation: { fr: "Cette entreprise n'est pas dans la zone.", en: 'This company is not in the zone.' },
  unknown_participant: { fr: "Cette entreprise ne participe pas à l'événement.", en: 'This company does not take part in the event.' },
  unknown_request: { fr: 'Demande inconnue pour cet événement.', en: 'Unknown request for this event.' },
  unknown_session: { fr: 'Session inconnue.', en: 'Unknown session.' },
  unknown_slot: { fr: 'Créneau inconnu.', en: 'Unknown time slot.' },
  unknown_synergy: { fr: 'Synergie inconnue dans cette zone.', en: 'Unknown synergy in this zone.' },
  unsupported_media_type: { fr: "Ce type de fichier n'est pas accepté.", en: 'This type of file is not accepted.' },
  validation_failed: { fr: 'Certains champs sont invalides.', en: 'Some fields are invalid.' },
  version_conflict: {
    fr: "La fiche a été modifiée entre-temps : rechargez-la avant d'enregistrer.",
    en: 'This listing was changed in the meantime: reload it before saving.',
  },
  zones_differ: { fr: "Les entreprises d'une synergie appartiennent à une même zone.", en: 'The companies of a synergy belong to one zone.' },
} as const satisfies Record<string, { fr: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(ERROR_CODES, code);

/** The message of a code in a language, or undefined for a code the catalogue does not know. */
export function errorText(code: string, locale: 'fr' | 'en'): string | undefined {
  return isErrorCode(code) ? ERROR_CODES[code][locale] : undefined;
}
