"use client";
/** The /settings page: the tenant's API tokens and its users. */
import { ApiTokensSection } from "./ApiTokensSection";
import { UsersSection } from "./UsersSection";

export function SettingsView() {
  return (
    <>
      <h1>Settings</h1>
      <ApiTokensSection />
      <UsersSection />
    </>
  );
}
