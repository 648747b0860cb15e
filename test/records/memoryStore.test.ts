import { memoryAdapter } from '../../src/records/adapters/memory.js';
import { storeContract } from './contract.js';

storeContract('memory', async () => memoryAdapter());
