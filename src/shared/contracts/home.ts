import { z } from "zod";
import { ROLES } from "#shared/domain.ts";
import { Deadline } from "./cases.ts";
import { DateOnly } from "./clients.ts";
import { Id } from "./common.ts";

/** Offers whose entry was not touched for this many months count as due for upkeep. */
export const STALE_OFFER_MONTHS = 12;
/** Capacity figures older than this many days are no longer believed. */
export const STALE_CAPACITY_DAYS = 30;
/** How many records a section of the start page names; the count says how many there are. */
export const HOME_ITEMS = 5;

/**
 * The kinds of work a start page can show; the client words each under home.work.<key>. Which
 * sections a role gets is decided on the server (modules/home/service.ts).
 */
export const HOME_SECTIONS = [
  "referrals_new",
  "referrals_incoming_overdue",
  "referrals_in_progress",
  "referrals_outgoing_overdue",
  "cases_without_step",
  "assigned_cases",
  "special_data_unbased",
  "interfaces_late",
  "referrals_open",
  "offers_stale",
  "capacities_stale",
  "members",
  "invitations_open",
  "mail_problems",
  "organisation_offers",
  "organisation_interfaces",
  "training_cohorts",
  "training_sessions_next",
  "training_attendance_open",
  "training_evaluations_open",
] as const;
export type HomeSectionKey = (typeof HOME_SECTIONS)[number];

/** One record a section names, with the page where the work on it is done. */
export const HomeItem = z.object({
  id: Id,
  to: z.string().describe("Path in the staff app where this record is worked on"),
  label: z.string().describe("The record in words: a client's name, an offer, an organisation, an address"),
  organisation: z.string().nullable().describe("The other organisation involved, if any"),
  offer: z.string().nullable().describe("The offer involved, if any"),
  casePseudonym: z.string().nullable().describe("Reference of the case involved, if any"),
  title: z.string().nullable().describe("A next step's title, for instance"),
  count: z.number().int().nullable().describe("How many (e.g. overdue referrals on an interface)"),
  role: z.enum(ROLES).nullable().describe("The role an invitation is for"),
  date: DateOnly.nullable().describe("Due date, or the day of the last update for upkeep"),
  overdue: z.boolean(),
});
export type HomeItem = z.infer<typeof HomeItem>;

export const HomeSection = z.object({
  key: z.enum(HOME_SECTIONS),
  count: z.number().int().describe("How many records need this work"),
  overdue: z.number().int().nullable().describe("How many of them are past due, where that is counted"),
  tone: z.enum(["overdue", "attention", "info"]).describe("overdue: late work; attention: to do; info"),
  to: z.string().nullable().describe("The list of all of them, when there is one"),
  items: z.array(HomeItem).describe(`The first ${HOME_ITEMS}, most pressing first`),
});
export type HomeSection = z.infer<typeof HomeSection>;

/** A start page: the real work of the acting role today, counted in its organisation (or network). */
export const Home = z
  .object({
    deadlines: z
      .array(Deadline)
      .nullable()
      .describe("The caller's own deadlines (counsellors, volunteers); null for other roles"),
    sections: z.array(HomeSection),
  })
  .meta({ id: "Home" });
export type Home = z.infer<typeof Home>;

/** A HomeItem with everything not given left empty. */
export function homeItem(p: Pick<HomeItem, "id" | "to" | "label"> & Partial<HomeItem>): HomeItem {
  return {
    organisation: null,
    offer: null,
    casePseudonym: null,
    title: null,
    count: null,
    role: null,
    date: null,
    overdue: false,
    ...p,
  };
}
