import { PROTECTED_PROBLEMS, Problem } from "#shared/contracts/common.ts";
import {
  Interface,
  InterfaceInput,
  InterfaceList,
  InterfaceListQuery,
  InterfaceParams,
  InterfaceUpdate,
  ReferralSettings,
} from "#shared/contracts/interfaces.ts";
import { defineRoute } from "#shared/contracts/route.ts";

const tags = ["interfaces"];
const problems = PROTECTED_PROBLEMS;

/** Routes of the interface register and the network defaults of referrals. */
export const interfaceRoutes = {
  list: defineRoute({
    method: "GET",
    path: "/api/interfaces",
    access: "interface.read",
    tags,
    summary: "The interface register of the network, filtered",
    query: InterfaceListQuery,
    response: { 200: InterfaceList, ...problems },
  }),
  create: defineRoute({
    method: "POST",
    path: "/api/interfaces",
    access: "interface.manage",
    tags,
    summary: "Register an interface between two actors",
    body: InterfaceInput,
    response: { 201: Interface, ...problems, 409: Problem, 422: Problem },
  }),
  get: defineRoute({
    method: "GET",
    path: "/api/interfaces/:interfaceId",
    access: "interface.read",
    tags,
    summary: "One interface of the register",
    params: InterfaceParams,
    response: { 200: Interface, ...problems },
  }),
  update: defineRoute({
    method: "PATCH",
    path: "/api/interfaces/:interfaceId",
    access: "interface.manage",
    tags,
    summary: "Change an interface (If-Match: the version it is based on)",
    params: InterfaceParams,
    body: InterfaceUpdate,
    response: { 200: Interface, ...problems, 409: Problem, 412: Problem, 422: Problem, 428: Problem },
  }),
  referralSettings: defineRoute({
    method: "GET",
    path: "/api/referral-settings",
    access: "interface.read",
    tags,
    summary: "Network defaults of referrals between actors without an interface",
    response: { 200: ReferralSettings, ...problems },
  }),
  updateReferralSettings: defineRoute({
    method: "PUT",
    path: "/api/referral-settings",
    access: "referral_settings.manage",
    tags,
    summary: "Set the network defaults of referrals (coordination)",
    body: ReferralSettings,
    response: { 200: ReferralSettings, ...problems, 422: Problem },
  }),
};
