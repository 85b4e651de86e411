// What to do for a low glucose alert: the standard treatment (the rule of 15), and what never to do for
// someone who cannot swallow safely.
export function LowGlucoseSteps({ open = true }: { open?: boolean }) {
  return (
    <details open={open} className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-slate-900" data-testid="low-glucose-steps">
      <summary className="cursor-pointer font-semibold">What to do for a low (the rule of 15)</summary>
      <ol className="mt-2 list-decimal space-y-1 pl-5">
        <li>Take 15 g of fast-acting carbohydrate, such as glucose tablets or half a glass of juice.</li>
        <li>Re-check the glucose after 15 minutes.</li>
        <li>If it is still below 70 mg/dL (3.9 mmol/L), take another 15 g and re-check after 15 minutes again.</li>
        <li>Once it is above that, eat a snack or a meal if the next one is more than an hour away.</li>
      </ol>
      <p className="mt-2 rounded border border-red-300 bg-white p-2 font-medium text-red-900">
        If the person cannot swallow safely or is unconscious, do not give food or drink: give glucagon if you have it and call
        emergency services.
      </p>
    </details>
  );
}
