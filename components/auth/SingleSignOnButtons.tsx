'use client';
import { signIn } from 'next-auth/react';
import { useHydrated } from '@/components/useHydrated';
import { buttonClass } from '@/components/ui';

export function SingleSignOnButtons({ providers, callbackUrl }: { providers: { id: string; name: string }[]; callbackUrl: string }) {
  const hydrated = useHydrated();
  if (providers.length === 0) return null;
  return (
    <div className="mt-8 space-y-3 border-t border-gray-300 pt-6">
      <p className="text-gray-700">Or, if your school allows it, with your school account:</p>
      {providers.map((provider) => (
        <button key={provider.id} type="button" disabled={!hydrated} onClick={() => void signIn(provider.id, { callbackUrl })} className={`block w-full ${buttonClass.secondary}`}>
          Sign in with {provider.name}
        </button>
      ))}
    </div>
  );
}
