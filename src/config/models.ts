/**
 * What podgrep knows of transcription models: the price per minute of audio (USD, list prices as published by the
 * providers in 2025–2026) and whether the model returns the segment and word timestamps that moments need.
 */
export type ModelInfo = { perMinute: number; timestamps: boolean; provider: string };

export const MODELS: Record<string, ModelInfo> = {
  'whisper-1': { perMinute: 0.006, timestamps: true, provider: 'OpenAI' },
  'gpt-4o-transcribe': { perMinute: 0.006, timestamps: false, provider: 'OpenAI' },
  'gpt-4o-mini-transcribe': { perMinute: 0.003, timestamps: false, provider: 'OpenAI' },
  'whisper-large-v3': { perMinute: 0.111 / 60, timestamps: true, provider: 'Groq' },
  'whisper-large-v3-turbo': { perMinute: 0.04 / 60, timestamps: true, provider: 'Groq' },
};

/** A model podgrep has no price for is estimated at whisper-1's, the common reference. */
export function modelInfo(model: string): ModelInfo & { known: boolean } {
  const info = MODELS[model];
  return info ? { ...info, known: true } : { ...MODELS['whisper-1']!, provider: 'unknown', known: false };
}

export function estimateCost(model: string, seconds: number): number {
  return (modelInfo(model).perMinute * seconds) / 60;
}

export function formatMinutes(seconds: number): string {
  return `${(seconds / 60).toFixed(1)} min`;
}

export function formatDollars(amount: number): string {
  return `$${amount.toFixed(amount < 1 ? 3 : 2)}`;
}
