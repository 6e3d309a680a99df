import type { ComponentType } from "react";
import { createBrowserRouter, type RouteObject } from "react-router";
import { Loading } from "./components/Loading.tsx";
import { NotFoundRoute } from "./features/errors/NotFoundRoute.tsx";
import { RouteError } from "./features/errors/RouteError.tsx";
import { AppLayout } from "./shell/AppLayout.tsx";
import { PublicLayout } from "./shell/PublicLayout.tsx";
import { RequireSession } from "./shell/RequireSession.tsx";

// Pages load on first visit: the login page does not carry the code of the admin screens.
const page =
  <M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) =>
  async () => ({ Component: (await load())[name] as ComponentType });

const publicRoutes: RouteObject[] = [
  { path: "login", lazy: page(() => import("./features/auth/LoginPage.tsx"), "LoginPage") },
  {
    path: "forgot-password",
    lazy: page(() => import("./features/auth/ForgotPasswordPage.tsx"), "ForgotPasswordPage"),
  },
  {
    path: "reset-password",
    lazy: page(() => import("./features/auth/ResetPasswordPage.tsx"), "ResetPasswordPage"),
  },
  { path: "invitation", lazy: page(() => import("./features/auth/InvitationPage.tsx"), "InvitationPage") },
  // Trainings: applying without an account, the personal evaluation link, certificate verification.
  { path: "apply", lazy: page(() => import("./features/trainings/ApplyPage.tsx"), "ApplyPage") },
  { path: "apply/:cohortId", lazy: page(() => import("./features/trainings/ApplyPage.tsx"), "ApplyPage") },
  {
    path: "evaluation",
    lazy: page(() => import("./features/trainings/evaluations/EvaluationPage.tsx"), "EvaluationPage"),
  },
  {
    path: "verify/:code?",
    lazy: page(() => import("./features/trainings/certificates/VerifyPage.tsx"), "VerifyPage"),
  },
];

const appRoutes: RouteObject[] = [
  { index: true, lazy: page(() => import("./features/home/HomePage.tsx"), "HomePage") },
  {
    path: "organisation",
    lazy: page(() => import("./features/organisations/OwnOrganisationPage.tsx"), "OwnOrganisationPage"),
  },
  { path: "members", lazy: page(() => import("./features/members/MembersPage.tsx"), "MembersPage") },
  {
    path: "organisations",
    lazy: page(() => import("./features/organisations/OrganisationsPage.tsx"), "OrganisationsPage"),
  },
  {
    path: "organisations/:id",
    lazy: page(() => import("./features/organisations/OrganisationDetailPage.tsx"), "OrganisationDetailPage"),
  },
  { path: "offers", lazy: page(() => import("./features/offers/OffersPage.tsx"), "OffersPage") },
  { path: "offers/new", lazy: page(() => import("./features/offers/OfferEditPage.tsx"), "OfferEditPage") },
  {
    path: "offers/:id",
    lazy: page(() => import("./features/offers/OfferDetailPage.tsx"), "OfferDetailPage"),
  },
  {
    path: "offers/:id/edit",
    lazy: page(() => import("./features/offers/OfferEditPage.tsx"), "OfferEditPage"),
  },
  {
    path: "interfaces",
    lazy: page(() => import("./features/interfaces/InterfacesPage.tsx"), "InterfacesPage"),
  },
  {
    path: "analytics",
    lazy: page(() => import("./features/analytics/AnalyticsPage.tsx"), "AnalyticsPage"),
  },
  { path: "cases", lazy: page(() => import("./features/cases/CasesPage.tsx"), "CasesPage") },
  { path: "cases/new", lazy: page(() => import("./features/cases/CaseNewPage.tsx"), "CaseNewPage") },
  { path: "cases/:id", lazy: page(() => import("./features/cases/CaseDetailPage.tsx"), "CaseDetailPage") },
  {
    path: "referrals",
    lazy: page(() => import("./features/referrals/ReferralInboxPage.tsx"), "ReferralInboxPage"),
  },
  {
    path: "referrals/outgoing",
    lazy: page(() => import("./features/referrals/ReferralOutgoingPage.tsx"), "ReferralOutgoingPage"),
  },
  {
    path: "referrals/:id",
    lazy: page(() => import("./features/referrals/ReferralDetailPage.tsx"), "ReferralDetailPage"),
  },
  { path: "directory/matrix", lazy: page(() => import("./features/matrix/MatrixPage.tsx"), "MatrixPage") },
  { path: "audit", lazy: page(() => import("./features/audit/AuditPage.tsx"), "AuditPage") },
  { path: "outbox", lazy: page(() => import("./features/outbox/OutboxPage.tsx"), "OutboxPage") },
  {
    path: "directory/import",
    lazy: page(() => import("./features/directory-import/DirectoryImportPage.tsx"), "DirectoryImportPage"),
  },
  { path: "outbox/:id", lazy: page(() => import("./features/outbox/OutboxMailPage.tsx"), "OutboxMailPage") },
  {
    path: "clients/:clientId/competences",
    lazy: page(() => import("./features/competences/ProfilePage.tsx"), "CompetenceProfilePage"),
  },
  { path: "trainings", lazy: page(() => import("./features/trainings/TrainingsPage.tsx"), "TrainingsPage") },
  {
    path: "trainings/mine",
    lazy: page(() => import("./features/trainings/sessions/MyTrainingsPage.tsx"), "MyTrainingsPage"),
  },
  {
    path: "trainings/cohorts/:cohortId",
    lazy: page(() => import("./features/trainings/CohortPage.tsx"), "CohortPage"),
  },
  {
    path: "competences",
    lazy: page(() => import("./features/competences/ProfilesPage.tsx"), "CompetenceProfilesPage"),
  },
  {
    path: "competences/shared",
    lazy: page(() => import("./features/competences/ReceivedPage.tsx"), "ReceivedSharesPage"),
  },
  {
    path: "competences/shared/:shareId",
    lazy: page(() => import("./features/competences/ReceivedSharePage.tsx"), "ReceivedSharePage"),
  },
];

/** All pages: public ones before login, the rest inside the app shell behind a session. */
export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    // Shown while the first page's code loads.
    HydrateFallback: Loading,
    children: [
      { element: <PublicLayout />, children: publicRoutes },
      {
        path: "/",
        element: (
          <RequireSession>
            <AppLayout />
          </RequireSession>
        ),
        children: appRoutes,
      },
      { path: "*", element: <NotFoundRoute /> },
    ],
  },
]);
