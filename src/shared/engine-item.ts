import { storage } from 'wxt/utils/storage';
import type { SerializedEngine } from '@/src/engine';

/**
 * The compiled, serialized engine that content scripts load (without recompiling). Only the background writes it,
 * after installing or syncing a database; content scripts watch it and swap engines live.
 */
export const engineItem = storage.defineItem<SerializedEngine | null>('local:engine', {
  fallback: null,
  version: 1,
});
