import { FoodSafetyForm } from './FoodSafetyForm.js';
import { mount } from './mount.js';

mount(FoodSafetyForm);
