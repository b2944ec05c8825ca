import { z } from 'zod';

// zod's own Vietnamese messages for every admin form ("Quá nhỏ: mong đợi …"); each form puts its field's label first.
z.config(z.locales.vi());

export { z };
