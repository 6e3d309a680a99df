import { Loading } from "#client/components/Loading.tsx";
import { useSession } from "#client/session/session-context.ts";
import { AppLayout } from "#client/shell/AppLayout.tsx";
import { PublicLayout } from "#client/shell/PublicLayout.tsx";
import { NotFound } from "./NotFound.tsx";

/** An unknown address: inside the app shell for a logged-in person, else in the public frame. */
export function NotFoundRoute() {
  const { session, ready } = useSession();
  if (!ready) return <Loading />;
  const Layout = session ? AppLayout : PublicLayout;
  return (
    <Layout>
      <NotFound />
    </Layout>
  );
}
