import Link from "next/link";

export default function NotFound() {
  return (
    <main className="page page-narrow" id="main">
      <p className="brand brand-standalone">Job Manager</p>
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <Link href="/jobs">Go to the jobs</Link>.
      </p>
    </main>
  );
}
