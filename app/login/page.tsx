// The sign-in page (server shell around the client form).
import Link from 'next/link';
import { LoginForm } from '@/components/login-form';

export default function LoginPage() {
  return (
    <main className="mx-auto max-w-sm p-8">
      <h1 className="text-2xl font-semibold">Sign in</h1>
      <LoginForm />
      <p className="mt-6 flex justify-between text-sm"><Link className="text-teal-800 underline" href="/signup">Create an account</Link>
        <Link className="text-teal-800 underline" href="/forgot-password">Forgot password?</Link></p>
    </main>
  );
}
