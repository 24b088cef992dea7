import type { Messages } from "./en.ts";

/** The interface strings in French. */
export const fr: Messages = {
  app: {
    name: "Plenary",
    tagline: "Négocier les textes en toute transparence",
    skipToContent: "Aller au contenu principal",
    mainNavigation: "Navigation principale",
    notFoundTitle: "Page introuvable",
    notFoundBody: "Il n’y a aucune page à cette adresse.",
  },
  nav: {
    drafts: "Projets",
  },
  language: {
    label: "Langue de l’interface",
  },
  drafts: {
    title: "Projets de texte",
    intro:
      "Documents finals en cours de négociation. Ouvrez-en un pour le lire et le modifier avec les autres délégations.",
    loading: "Chargement des projets…",
    emptyTitle: "Aucun projet pour l’instant",
    emptyBody: "Lorsqu’un facilitateur mettra un projet sur la table, il apparaîtra ici.",
    errorTitle: "Impossible de charger les projets",
    errorBody: "Vérifiez votre connexion et réessayez.",
    retry: "Réessayer",
    lastChange: "Dernière modification\u00a0: {{date}}",
  },
  draft: {
    loading: "Ouverture du projet…",
    notFoundTitle: "Projet introuvable",
    notFoundBody: "Il n’y a aucun projet à cette adresse. Il a peut-être été supprimé, ou le lien est incomplet.",
    backToList: "Retour à la liste des projets",
    offlineTitle: "Travail sur cet appareil",
    offlineBody:
      "Le serveur est injoignable. Si vous avez déjà ouvert ce projet ici, votre copie s’affiche et vos modifications seront envoyées au retour de la connexion.",
    waitingForText: "Chargement du texte…",
    refusedReset: "{{reason}} Le texte a été rechargé depuis le serveur, sans cette modification.",
  },
  editor: {
    label: "Texte du projet",
    toolbar: "Mise en forme",
    kindGroup: "Type de paragraphe",
    kind: {
      pp: "PP : alinéa du préambule",
      op: "OP : paragraphe du dispositif",
      plain: "Paragraphe non numéroté",
      section: "Titre de section",
    },
    kindShort: {
      pp: "PP",
      op: "OP",
      plain: "¶",
      section: "T",
    },
    bold: "Gras",
    italic: "Italique",
    undo: "Annuler",
    redo: "Rétablir",
    shortcuts: "Raccourcis clavier",
    shortcutsTitle: "Raccourcis clavier",
    close: "Fermer",
    withShortcut: "{{label}} ({{shortcut}})",
  },
  connection: {
    label: "Connexion",
    connecting: "Connexion…",
    connected: "Connecté\u00a0: toutes les modifications sont enregistrées",
    syncing: "Enregistrement de vos modifications…",
    offline:
      "Hors ligne\u00a0: vos modifications sont conservées sur cet appareil et seront envoyées au retour de la connexion",
    offlineShort: "Hors ligne",
    draftNotFound: "Ce projet n’existe pas sur le serveur.",
    messageTooLarge: "Votre dernière modification dépassait la taille acceptée par le serveur.",
    malformedUpdate: "Le serveur n’a pas pu lire votre dernière modification.",
    readOnly: "Vous pouvez lire ce projet mais pas le modifier ; vos modifications n’ont pas été acceptées.",
    sessionExpired: "Votre session a expiré. Reconnectez-vous pour continuer à travailler sur ce projet.",
    suggestionRefused:
      "Votre dernière modification touchait du texte en dehors de vos propres suggestions, ce que votre rôle ne permet pas.",
    forgedClientId: "Votre dernière modification portait l’identité d’un autre participant et a été refusée.",
    outsideText: "Votre dernière modification touchait une partie du projet que seul le serveur peut modifier.",
    refused: "Le serveur a refusé votre dernière modification.",
  },
  presence: {
    title: "Dans ce projet",
    count: "Personnes présentes\u00a0: {{count}}",
    you: "{{name}} (vous)",
  },
  identity: {
    button: "Vous\u00a0: {{name}}",
    buttonHint: "Modifier votre nom d’affichage",
    dialogTitle: "Votre nom d’affichage",
    nameLabel: "Nom d’affichage",
    nameHint: "Les autres voient ce nom dans la liste des personnes présentes et à côté de votre curseur.",
    save: "Enregistrer",
    cancel: "Annuler",
    empty: "Saisissez un nom d’au moins un caractère.",
    defaultName: "Invité {{number}}",
  },
};
