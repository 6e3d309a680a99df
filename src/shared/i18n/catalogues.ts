// The staff app's catalogue files, one per module and locale (docs/architecture.md, "Translations");
// index.ts merges each locale's files into one catalogue. A new module adds its three files here.

import arAnalytics from "./ar/analytics.json" with { type: "json" };
import arAudit from "./ar/audit.json" with { type: "json" };
import arAuth from "./ar/auth.json" with { type: "json" };
import arCases from "./ar/cases.json" with { type: "json" };
import arCompetences from "./ar/competences.json" with { type: "json" };
import arCompetencesWeb from "./ar/competences-web.json" with { type: "json" };
import arConsents from "./ar/consents.json" with { type: "json" };
import arDirectoryImport from "./ar/directory-import.json" with { type: "json" };
import arHome from "./ar/home.json" with { type: "json" };
import arInterfaces from "./ar/interfaces.json" with { type: "json" };
import arMatrix from "./ar/matrix.json" with { type: "json" };
import arMembers from "./ar/members.json" with { type: "json" };
import arNotifications from "./ar/notifications.json" with { type: "json" };
import arOffers from "./ar/offers.json" with { type: "json" };
import arOrganisations from "./ar/organisations.json" with { type: "json" };
import arOutbox from "./ar/outbox.json" with { type: "json" };
import arPlatform from "./ar/platform.json" with { type: "json" };
import arPrivacy from "./ar/privacy.json" with { type: "json" };
import arRecognition from "./ar/recognition.json" with { type: "json" };
import arReferrals from "./ar/referrals.json" with { type: "json" };
import arSso from "./ar/sso.json" with { type: "json" };
import arTrainings from "./ar/trainings.json" with { type: "json" };
import arTrainingsCertificates from "./ar/trainings-certificates.json" with { type: "json" };
import arTrainingsEvaluations from "./ar/trainings-evaluations.json" with { type: "json" };
import arTrainingsExchange from "./ar/trainings-exchange.json" with { type: "json" };
import arTrainingsNetwork from "./ar/trainings-network.json" with { type: "json" };
import arTrainingsSessions from "./ar/trainings-sessions.json" with { type: "json" };
import deAnalytics from "./de/analytics.json" with { type: "json" };
import deAudit from "./de/audit.json" with { type: "json" };
import deAuth from "./de/auth.json" with { type: "json" };
import deCases from "./de/cases.json" with { type: "json" };
import deCompetences from "./de/competences.json" with { type: "json" };
import deCompetencesWeb from "./de/competences-web.json" with { type: "json" };
import deConsents from "./de/consents.json" with { type: "json" };
import deDirectoryImport from "./de/directory-import.json" with { type: "json" };
import deHome from "./de/home.json" with { type: "json" };
import deInterfaces from "./de/interfaces.json" with { type: "json" };
import deMatrix from "./de/matrix.json" with { type: "json" };
import deMembers from "./de/members.json" with { type: "json" };
import deNotifications from "./de/notifications.json" with { type: "json" };
import deOffers from "./de/offers.json" with { type: "json" };
import deOrganisations from "./de/organisations.json" with { type: "json" };
import deOutbox from "./de/outbox.json" with { type: "json" };
import dePlatform from "./de/platform.json" with { type: "json" };
import dePrivacy from "./de/privacy.json" with { type: "json" };
import deRecognition from "./de/recognition.json" with { type: "json" };
import deReferrals from "./de/referrals.json" with { type: "json" };
import deSso from "./de/sso.json" with { type: "json" };
import deTrainings from "./de/trainings.json" with { type: "json" };
import deTrainingsCertificates from "./de/trainings-certificates.json" with { type: "json" };
import deTrainingsEvaluations from "./de/trainings-evaluations.json" with { type: "json" };
import deTrainingsExchange from "./de/trainings-exchange.json" with { type: "json" };
import deTrainingsNetwork from "./de/trainings-network.json" with { type: "json" };
import deTrainingsSessions from "./de/trainings-sessions.json" with { type: "json" };
import enAnalytics from "./en/analytics.json" with { type: "json" };
import enAudit from "./en/audit.json" with { type: "json" };
import enAuth from "./en/auth.json" with { type: "json" };
import enCases from "./en/cases.json" with { type: "json" };
import enCompetences from "./en/competences.json" with { type: "json" };
import enCompetencesWeb from "./en/competences-web.json" with { type: "json" };
import enConsents from "./en/consents.json" with { type: "json" };
import enDirectoryImport from "./en/directory-import.json" with { type: "json" };
import enHome from "./en/home.json" with { type: "json" };
import enInterfaces from "./en/interfaces.json" with { type: "json" };
import enMatrix from "./en/matrix.json" with { type: "json" };
import enMembers from "./en/members.json" with { type: "json" };
import enNotifications from "./en/notifications.json" with { type: "json" };
import enOffers from "./en/offers.json" with { type: "json" };
import enOrganisations from "./en/organisations.json" with { type: "json" };
import enOutbox from "./en/outbox.json" with { type: "json" };
import enPlatform from "./en/platform.json" with { type: "json" };
import enPrivacy from "./en/privacy.json" with { type: "json" };
import enRecognition from "./en/recognition.json" with { type: "json" };
import enReferrals from "./en/referrals.json" with { type: "json" };
import enSso from "./en/sso.json" with { type: "json" };
import enTrainings from "./en/trainings.json" with { type: "json" };
import enTrainingsCertificates from "./en/trainings-certificates.json" with { type: "json" };
import enTrainingsEvaluations from "./en/trainings-evaluations.json" with { type: "json" };
import enTrainingsExchange from "./en/trainings-exchange.json" with { type: "json" };
import enTrainingsNetwork from "./en/trainings-network.json" with { type: "json" };
import enTrainingsSessions from "./en/trainings-sessions.json" with { type: "json" };

export const de = [
  dePlatform,
  deAuth,
  deSso,
  deMembers,
  deOrganisations,
  deHome,
  deAudit,
  deOutbox,
  deNotifications,
  deOffers,
  deDirectoryImport,
  deMatrix,
  deCases,
  deConsents,
  dePrivacy,
  deRecognition,
  deCompetences,
  deInterfaces,
  deReferrals,
  deAnalytics,
  deCompetencesWeb,
  deTrainings,
  deTrainingsSessions,
  deTrainingsEvaluations,
  deTrainingsCertificates,
  deTrainingsExchange,
  deTrainingsNetwork,
] as const;

export const en = [
  enPlatform,
  enAuth,
  enSso,
  enMembers,
  enOrganisations,
  enHome,
  enAudit,
  enOutbox,
  enNotifications,
  enOffers,
  enDirectoryImport,
  enMatrix,
  enCases,
  enConsents,
  enPrivacy,
  enRecognition,
  enCompetences,
  enInterfaces,
  enReferrals,
  enAnalytics,
  enCompetencesWeb,
  enTrainings,
  enTrainingsSessions,
  enTrainingsEvaluations,
  enTrainingsCertificates,
  enTrainingsExchange,
  enTrainingsNetwork,
] as const;

export const ar = [
  arPlatform,
  arAuth,
  arSso,
  arMembers,
  arOrganisations,
  arHome,
  arAudit,
  arOutbox,
  arNotifications,
  arOffers,
  arDirectoryImport,
  arMatrix,
  arCases,
  arConsents,
  arPrivacy,
  arRecognition,
  arCompetences,
  arInterfaces,
  arReferrals,
  arAnalytics,
  arCompetencesWeb,
  arTrainings,
  arTrainingsSessions,
  arTrainingsEvaluations,
  arTrainingsCertificates,
  arTrainingsExchange,
  arTrainingsNetwork,
] as const;
